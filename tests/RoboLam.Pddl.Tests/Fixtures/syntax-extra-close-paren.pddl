; A stray ')' closes the domain early; the text after it is reported with the place of that ')'.
(define (domain d)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x) :precondition (p ?x) :effect (q ?x)))
  (:action b :parameters (?x) :precondition (q ?x) :effect (p ?x)))
; ^ PDDL001
