(define (domain d)
  (:requirements :typing :object-fluents)
  (:types truck city)
  (:predicates (ready ?t - truck))
  (:functions (location ?t - truck) - city)
  (:action move :parameters (?t ?u - truck) :precondition (ready ?t) :effect (assign (location ?t) ?u)))
;                                                                                                  ^ PDDL016
