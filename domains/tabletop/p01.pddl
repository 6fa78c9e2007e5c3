; World tabletop-1: two stacks (g1 on r2, y1 on b1) and r1 alone; two bins.
; Goal: the green block on the small red block, the yellow block in the left bin.
(define (problem tabletop-p01)
  (:domain tabletop)
  (:objects r1 r2 g1 b1 y1 - block
            binl binr - bin)
  (:init (on-table r1) (on-table r2) (on g1 r2) (on-table b1) (on y1 b1)
         (clear r1) (clear g1) (clear y1) (hand-empty))
  (:goal (and (on g1 r1) (in y1 binl))))
