(define (problem no-goal)
;@ 1:1 PDDL007
  (:domain base)
  (:objects a - block)
  (:init (clear a) (on a floor) (hand-empty)))
