(define (domain d)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x ?y ?x) :precondition (p ?x) :effect (q ?y)))
;                               ^ PDDL017
