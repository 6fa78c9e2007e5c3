(define (domain d)
  (:requirements :strips)
  (:predicates (p))
  (:functions (fuel))
;             ^ PDDL018
  (:action a :parameters () :precondition (p) :effect (decrease (fuel) 1)))
;                                                     ^ PDDL018
