; World tabletop-2: four blocks on the table and a tray.
; Goal: one tower a-b-c-d (a on top), the arm empty.
(define (problem tabletop-p02)
  (:domain tabletop)
  (:objects a b c d - block
            tray - bin)
  (:init (on-table a) (on-table b) (on-table c) (on-table d)
         (clear a) (clear b) (clear c) (clear d) (hand-empty))
  (:goal (and (on a b) (on b c) (on c d) (on-table d) (hand-empty))))
