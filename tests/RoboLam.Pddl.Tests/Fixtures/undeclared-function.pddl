(define (domain d)
  (:requirements :numeric-fluents)
  (:predicates (truck ?t))
  (:functions (fuel-level ?t))
  (:action refuel :parameters (?t) :precondition (truck ?t) :effect (increase (fuel ?t) 10)))
;                                                                             ^ PDDL012
