; 'and' is reserved and cannot name a predicate; the error is reported and parsing goes on.
(define (domain d)
  (:predicates (and ?x) (p ?x))
;               ^ PDDL001
  (:action a :parameters (?x) :precondition (p ?x) :effect (not (p ?x))))
