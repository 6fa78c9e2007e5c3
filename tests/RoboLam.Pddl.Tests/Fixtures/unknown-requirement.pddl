(define (domain d)
;@ 1:1 warning PDDL020
  (:requirements :strips :teleportation)
  (:predicates (p))
  (:action a :parameters () :precondition (p) :effect (not (p))))
