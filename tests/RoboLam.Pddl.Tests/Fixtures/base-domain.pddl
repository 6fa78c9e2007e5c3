; A small valid domain that the problem fixtures are checked against.
(define (domain base)
  (:requirements :typing :negative-preconditions :numeric-fluents :preferences :timed-initial-literals :constraints)
  (:types block table - surface
          surface)
  (:constants floor - table)
  (:predicates (on ?b - block ?s - surface) (clear ?s - surface) (holding ?b - block) (hand-empty))
  (:functions (weight ?b - block) (total-cost))
  (:action pick
    :parameters (?b - block ?s - surface)
    :precondition (and (on ?b ?s) (clear ?b) (hand-empty))
    :effect (and (holding ?b) (not (on ?b ?s)) (clear ?s) (not (hand-empty)) (increase (total-cost) (weight ?b))))
  (:action put
    :parameters (?b - block ?s - surface)
    :precondition (and (holding ?b) (clear ?s))
    :effect (and (on ?b ?s) (not (holding ?b)) (not (clear ?s)) (hand-empty))))
