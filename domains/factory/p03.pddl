; A part that was painted red and inspected must come out blue, inspected again, at the output.
(define (problem factory-p03)
  (:domain factory)
  (:objects p1 p2 - part
            input drill paint inspect output - station
            red blue - color)
  (:init (at p1 inspect) (painted p1 red) (inspected p1) (drilled p1)
         (at p2 input)
         (input-station input) (drilling-station drill) (painting-station paint)
         (inspection-station inspect) (output-station output)
         (conveyor input drill) (conveyor drill paint) (conveyor paint inspect) (conveyor inspect output)
         (= (total-cost) 0))
  (:goal (and (painted p1 blue) (inspected p1) (at p1 output)
              (drilled p2) (at p2 output)))
  (:metric minimize (total-cost)))
