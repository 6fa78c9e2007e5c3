(define (domain d)
  (:predicates (on ?x ?y) (clear ?x))
  (:action stack :parameters (?x ?y) :precondition (and (clear ?x) (clear ?z)) :effect (on ?x ?y)))
;                                                                         ^ PDDL014
