(define (domain d)
  (:predicates (p ?x) & (q ?x))
;                     ^ PDDL002
  (:action a :parameters (?x) :precondition (p ?x) :effect (not (p ?x))))
