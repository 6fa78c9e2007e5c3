; Two independent mistakes in two actions: recovery skips the broken form and both are reported.
(define (domain d)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x) :precondtion (p ?x) :effect (q ?x))
;                             ^ PDDL001
  (:action b :parameters (?x) :precondition (p ?x) :effect (and (q ?x) :foo)))
;                                                                      ^ PDDL001
