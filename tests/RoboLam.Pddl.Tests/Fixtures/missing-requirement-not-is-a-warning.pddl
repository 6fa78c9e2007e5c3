; IPC domains often negate without :negative-preconditions, so this is only a warning.
(define (domain d)
  (:requirements :strips)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x) :precondition (not (p ?x)) :effect (q ?x)))
;                                           ^ warning PDDL018
