; Each type on the cycle is reported where it is declared.
(define (domain d)
  (:requirements :typing)
  (:types a - b
;         ^ PDDL021
          b - a)
;         ^ PDDL021
  (:predicates (p ?x - a))
  (:action act :parameters (?x - a) :precondition (p ?x) :effect (not (p ?x))))
