using RoboLam.Planning.Tasks;
using RoboLam.Planning.Tests.Support;

namespace RoboLam.Planning.Tests.Generators;

/// <summary>
/// Logistics: every city has two places, one an airport, and one truck; airplanes fly between airports; packages
/// start and end at random places. With action costs, flying costs more than driving.
/// </summary>
internal static class LogisticsGenerator
{
    public static GroundTask Create(int cities, int airplanes, int packages, int seed, bool withCosts = false)
    {
        var random = new Random(seed);
        var builder = new TaskBuilder();
        var places = new List<(string Place, int City)>();
        for (var city = 0; city < cities; city++)
        {
            places.Add(($"airport{city}", city));
            places.Add(($"square{city}", city));
            builder.Initially($"(at truck{city} square{city})");
        }

        var airports = places.Where(place => place.Place.StartsWith("airport", StringComparison.Ordinal)).Select(place => place.Place).ToArray();
        for (var plane = 0; plane < airplanes; plane++)
        {
            builder.Initially($"(at plane{plane} {airports[random.Next(airports.Length)]})");
        }

        for (var package = 0; package < packages; package++)
        {
            builder.Initially($"(at package{package} {places[random.Next(places.Count)].Place})");
            builder.Goal($"(at package{package} {places[random.Next(places.Count)].Place})");
        }

        var vehicles = new List<(string Vehicle, string[] Places)>();
        for (var city = 0; city < cities; city++)
        {
            var cityPlaces = places.Where(place => place.City == city).Select(place => place.Place).ToArray();
            vehicles.Add(($"truck{city}", cityPlaces));
            foreach (var from in cityPlaces)
            {
                foreach (var to in cityPlaces.Where(place => place != from))
                {
                    builder.Operator($"(drive truck{city} {from} {to})", [$"(at truck{city} {from})"], [$"(at truck{city} {to})"], [$"(at truck{city} {from})"], cost: 1);
                }
            }
        }

        for (var plane = 0; plane < airplanes; plane++)
        {
            vehicles.Add(($"plane{plane}", airports));
            foreach (var from in airports)
            {
                foreach (var to in airports.Where(place => place != from))
                {
                    builder.Operator($"(fly plane{plane} {from} {to})", [$"(at plane{plane} {from})"], [$"(at plane{plane} {to})"], [$"(at plane{plane} {from})"], cost: 5);
                }
            }
        }

        for (var package = 0; package < packages; package++)
        {
            foreach (var (vehicle, vehiclePlaces) in vehicles)
            {
                foreach (var place in vehiclePlaces)
                {
                    builder.Operator($"(load package{package} {vehicle} {place})", [$"(at package{package} {place})", $"(at {vehicle} {place})"], [$"(in package{package} {vehicle})"], [$"(at package{package} {place})"], cost: 1);
                    builder.Operator($"(unload package{package} {vehicle} {place})", [$"(in package{package} {vehicle})", $"(at {vehicle} {place})"], [$"(at package{package} {place})"], [$"(in package{package} {vehicle})"], cost: 1);
                }
            }
        }

        return builder.Build(withCosts);
    }
}
