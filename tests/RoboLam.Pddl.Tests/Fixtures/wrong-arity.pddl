(define (domain d)
  (:predicates (on ?x ?y) (clear ?x))
  (:action stack :parameters (?x ?y) :precondition (clear ?x ?y) :effect (on ?x ?y)))
;                                                  ^ PDDL015
