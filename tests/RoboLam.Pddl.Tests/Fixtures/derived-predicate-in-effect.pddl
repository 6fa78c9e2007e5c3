(define (domain d)
  (:requirements :derived-predicates)
  (:predicates (p ?x) (reachable ?x))
  (:derived (reachable ?x) (p ?x))
  (:action a :parameters (?x) :precondition (p ?x) :effect (reachable ?x)))
;                                                          ^ PDDL025
