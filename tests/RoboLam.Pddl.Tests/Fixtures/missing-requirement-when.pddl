(define (domain d)
  (:requirements :strips)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x) :precondition (p ?x) :effect (when (p ?x) (q ?x))))
;                                                          ^ PDDL018
