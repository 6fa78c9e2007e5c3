(define (problem p)
  (:domain base)
  (:objects a b - block
            a - block)
;           ^ PDDL017
  (:init (clear a) (on a floor) (hand-empty))
  (:goal (holding a)))
