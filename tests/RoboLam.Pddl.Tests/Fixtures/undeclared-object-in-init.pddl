(define (problem p)
  (:domain base)
  (:objects a b - block)
  (:init (clear a) (on a floor) (on b c) (hand-empty))
;                                     ^ PDDL013
  (:goal (holding a)))
