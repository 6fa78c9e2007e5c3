(define (domain d)
  (:requirements :typing)
  (:types block)
  (:predicates (p ?x - block))
  (:action a :parameters (x - block) :precondition (p ?x) :effect (not (p ?x))))
;                         ^ PDDL005
