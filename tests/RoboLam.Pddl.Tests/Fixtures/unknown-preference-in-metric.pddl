(define (problem p)
  (:domain base)
  (:objects a - block)
  (:init (clear a) (on a floor) (hand-empty))
  (:goal (and (preference held (holding a))))
  (:metric minimize (is-violated hold)))
;                   ^ PDDL024
