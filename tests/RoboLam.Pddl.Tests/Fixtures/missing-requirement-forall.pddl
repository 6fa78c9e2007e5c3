(define (domain d)
  (:requirements :strips :typing)
  (:types block)
  (:predicates (clear ?b - block) (done))
  (:action a :parameters () :precondition (forall (?b - block) (clear ?b)) :effect (done)))
;                                         ^ PDDL018
