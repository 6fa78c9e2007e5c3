(define (domain d)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x) :precondition (p ?x)
    :effect (q ?x)
    :effect (not (p ?x))))
;   ^ PDDL006
