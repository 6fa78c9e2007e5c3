; World tabletop-3: the tower k1-k2-k3 (k1 on top) and k4 alone; two boxes.
; Goal: the tower reversed and standing on k4: k3 on k2 on k1 on k4.
(define (problem tabletop-p03)
  (:domain tabletop)
  (:objects k1 k2 k3 k4 - block
            box1 box2 - bin)
  (:init (on-table k3) (on k2 k3) (on k1 k2) (on-table k4)
         (clear k1) (clear k4) (hand-empty))
  (:goal (and (on k3 k2) (on k2 k1) (on k1 k4))))
