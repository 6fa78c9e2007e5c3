; World tabletop-1 again: clear the table of red blocks into the right bin, and hold the blue block.
(define (problem tabletop-p04)
  (:domain tabletop)
  (:objects r1 r2 g1 b1 y1 - block
            binl binr - bin)
  (:init (on-table r1) (on-table r2) (on g1 r2) (on-table b1) (on y1 b1)
         (clear r1) (clear g1) (clear y1) (hand-empty))
  (:goal (and (in r1 binr) (in r2 binr) (on-table g1) (holding b1))))
