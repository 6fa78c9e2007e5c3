(define (domain d)
  (:predicates (on ?x ?y) (clear ?x))
  (:action put-down :parameters (?x) :precondition (clear ?x) :effect (on ?x table)))
;                                                                            ^ PDDL013
