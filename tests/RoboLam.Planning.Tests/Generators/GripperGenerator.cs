using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests.Generators;

/// <summary>Gripper: a robot with two hands carries every ball from room a to room b. For an even number n of balls the optimal plan has 3n - 1 steps.</summary>
internal static class GripperGenerator
{
    public static GroundTask Create(int balls)
    {
        var builder = new TaskBuilder();
        string[] rooms = ["a", "b"];
        string[] hands = ["left", "right"];
        builder.Initially("(at-robby a)", "(free left)", "(free right)");
        for (var ball = 1; ball <= balls; ball++)
        {
            builder.Initially($"(at ball{ball} a)");
            builder.Goal($"(at ball{ball} b)");
        }

        foreach (var from in rooms)
        {
            foreach (var to in rooms.Where(room => room != from))
            {
                builder.Operator($"(move {from} {to})", [$"(at-robby {from})"], [$"(at-robby {to})"], [$"(at-robby {from})"]);
            }
        }

        for (var ball = 1; ball <= balls; ball++)
        {
            foreach (var room in rooms)
            {
                foreach (var hand in hands)
                {
                    builder.Operator(
                        $"(pick ball{ball} {room} {hand})",
                        [$"(at ball{ball} {room})", $"(at-robby {room})", $"(free {hand})"],
                        [$"(carry ball{ball} {hand})"],
                        [$"(at ball{ball} {room})", $"(free {hand})"]);
                    builder.Operator(
                        $"(drop ball{ball} {room} {hand})",
                        [$"(carry ball{ball} {hand})", $"(at-robby {room})"],
                        [$"(at ball{ball} {room})", $"(free {hand})"],
                        [$"(carry ball{ball} {hand})"]);
                }
            }
        }

        return builder.Build();
    }
}
