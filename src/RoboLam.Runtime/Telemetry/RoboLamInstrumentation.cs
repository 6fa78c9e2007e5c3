using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace RoboLam.Runtime.Telemetry;

/// <summary>
/// Wires the runtime's source and meter into an OpenTelemetry SDK pipeline; the composition root adds the exporter
/// it wants (OTLP, console...), e.g. <c>Sdk.CreateTracerProviderBuilder().AddRoboLamInstrumentation().AddOtlpExporter()</c>.
/// </summary>
public static class RoboLamInstrumentation
{
    public static TracerProviderBuilder AddRoboLamInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(RuntimeTelemetry.SourceName);
    }

    public static MeterProviderBuilder AddRoboLamInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(RuntimeTelemetry.SourceName);
    }
}
