(define (domain d)
  (:predicates (p ?x))
  (:predicates (q ?x))
; ^ PDDL006
  (:action a :parameters (?x) :precondition (p ?x) :effect (q ?x)))
