(define (domain d)
  (:predicates (p ?x) (q ?x)
               (p ?y))
;              ^ PDDL017
  (:action a :parameters (?x) :precondition (p ?x) :effect (q ?x)))
