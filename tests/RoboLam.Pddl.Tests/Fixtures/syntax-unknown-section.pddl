(define (domain d)
  (:predicate (p ?x))
;  ^ PDDL001
  (:action a :parameters (?x) :precondition (p ?x) :effect (not (p ?x))))
