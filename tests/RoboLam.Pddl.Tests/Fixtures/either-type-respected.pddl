; (either block ball) fits a parameter of type (either block ball box) but not one of type block.
(define (domain d)
  (:requirements :typing)
  (:types block ball box)
  (:predicates (movable ?x - (either block ball box)) (stackable ?x - block))
  (:action a :parameters (?x - (either block ball)) :precondition (movable ?x) :effect (stackable ?x)))
;                                                                                                 ^ PDDL016
