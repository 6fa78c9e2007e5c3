(define (domain d)
  (:requirements :numeric-fluents)
  (:functions (f ?x))
  (:action a :parameters (?x) :precondition (> ?x 3) :effect (increase (f ?x) 1)))
;                                              ^ PDDL009
