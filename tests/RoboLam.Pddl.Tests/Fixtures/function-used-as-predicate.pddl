(define (domain d)
  (:requirements :numeric-fluents)
  (:predicates (truck ?t))
  (:functions (fuel ?t))
  (:action a :parameters (?t) :precondition (and (truck ?t) (fuel ?t)) :effect (decrease (fuel ?t) 1)))
;                                                           ^ PDDL023
