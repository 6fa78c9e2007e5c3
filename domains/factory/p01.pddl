; World factory-1: four parts at the input, p4 already drilled.
; "Run part one through drilling, painting green and inspection, then send it to the output."
(define (problem factory-p01)
  (:domain factory)
  (:objects p1 p2 p3 p4 - part
            input drill paint inspect output - station
            red blue green - color)
  (:init (at p1 input) (at p2 input) (at p3 input) (at p4 input)
         (drilled p4)
         (input-station input) (drilling-station drill) (painting-station paint)
         (inspection-station inspect) (output-station output)
         (conveyor input drill) (conveyor drill paint) (conveyor paint inspect) (conveyor inspect output)
         (= (total-cost) 0))
  (:goal (and (drilled p1) (painted p1 green) (inspected p1) (at p1 output)))
  (:metric minimize (total-cost)))
