(define (problem p)
  (:domain base)
  (:objects a - block)
  (:init (clear a) (on a floor) (hand-empty) (= (total-cost) 0) (= (weight a) 2))
  (:goal (holding a))
  (:metric reduce (total-cost)))
;          ^ PDDL008
