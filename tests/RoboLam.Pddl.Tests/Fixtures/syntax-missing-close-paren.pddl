; The 'and' of the precondition is not closed, so ':effect' arrives where a condition or ')' is expected.
(define (domain d)
  (:predicates (p ?x))
  (:action a
    :parameters (?x)
    :precondition (and (p ?x)
    :effect (not (p ?x))))
;   ^ PDDL001
