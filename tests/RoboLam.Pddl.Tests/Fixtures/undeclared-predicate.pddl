(define (domain d)
  (:requirements :typing)
  (:types block)
  (:predicates (clear ?b - block))
  (:action a :parameters (?b - block) :precondition (clera ?b) :effect (not (clear ?b))))
;                                                   ^ PDDL011
