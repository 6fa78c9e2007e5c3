(define (domain d)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x) :precondition (at start (p ?x)) :effect (q ?x)))
;                                           ^ PDDL022
