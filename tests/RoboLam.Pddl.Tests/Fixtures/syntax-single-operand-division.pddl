(define (domain d)
  (:requirements :numeric-fluents)
  (:functions (f))
  (:action a :parameters () :effect (assign (f) (/ 3))))
;                                               ^ PDDL001
