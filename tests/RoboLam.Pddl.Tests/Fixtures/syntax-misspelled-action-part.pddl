(define (domain d)
  (:predicates (p ?x))
  (:action a
    :parameters (?x)
    :precondtion (p ?x)
;   ^ PDDL001
    :effect (not (p ?x))))
