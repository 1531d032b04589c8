using RecipeLang.Runtime;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Runtime.Tests.Simulation;

public class SimulatedPlantTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Sealed_autoclave_settles_at_the_saturated_steam_pressure()
    {
        var plant = new SimulatedPlant();
        await plant.SealAsync(Vessel.Autoclave, None);
        await plant.RampAsync(Vessel.Autoclave, Temperature.Celsius(200), TemperatureRate.CelsiusPerMinute(5), None);
        await plant.HoldAsync(Vessel.Autoclave, TimeSpan.FromHours(3), None);

        Assert.That(plant.State(Vessel.Autoclave).TemperatureC, Is.EqualTo(200).Within(0.01));
        Assert.That(plant.State(Vessel.Autoclave).PressureBar, Is.EqualTo(15.549).Within(0.01));
        await plant.VentAsync(Vessel.Autoclave, None);
        Assert.That(plant.State(Vessel.Autoclave).PressureBar, Is.EqualTo(1.01325));
    }

    [Test]
    public async Task Temperature_lags_the_ramp_and_never_outruns_the_heater()
    {
        var plant = new SimulatedPlant();

        await plant.RampAsync(Vessel.Furnace, Temperature.Celsius(525), TemperatureRate.CelsiusPerMinute(50), None);

        // The set-point moved 500 °C in 10 min; 12 kW into the furnace's heat capacity is at most about 26 °C/min.
        var model = ThermalModel.For(Vessel.Furnace);
        var fastest = model.MaxHeatingRate(25, 25);
        Assert.That(fastest, Is.EqualTo(26).Within(1));
        Assert.That(plant.Clock.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(plant.State(Vessel.Furnace).TemperatureC, Is.LessThanOrEqualTo(25 + fastest * 10));
        var rises = plant.ThermalProfile.Where(s => s.Vessel == Vessel.Furnace).Select(s => s.TemperatureC).Pairwise();
        Assert.That(rises.Max(r => r.Next - r.Previous), Is.LessThanOrEqualTo(fastest / 6 + 1e-9), "per 10 s tick");
    }

    [Test]
    public async Task The_heater_lag_makes_the_temperature_overshoot_the_end_of_a_ramp_and_settle()
    {
        var plant = new SimulatedPlant();

        await plant.RampAsync(Vessel.Furnace, Temperature.Celsius(850), TemperatureRate.CelsiusPerMinute(10), None);
        await plant.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(2), None);

        var furnace = plant.ThermalProfile.Where(s => s.Vessel == Vessel.Furnace).ToList();
        Assert.That(furnace.Max(s => s.TemperatureC), Is.InRange(850.5, 860), "a few degrees over the set-point");
        Assert.That(furnace[^1].TemperatureC, Is.EqualTo(850).Within(0.5), "settled");
        Assert.That(furnace[^1].SetPointC, Is.EqualTo(850));
    }

    [Test]
    public async Task Hold_time_starts_when_the_measured_temperature_is_within_tolerance_of_the_set_point()
    {
        var plant = new SimulatedPlant();
        // A fast ramp: the set-point arrives long before the charge.
        await plant.RampAsync(Vessel.Furnace, Temperature.Celsius(850), TemperatureRate.CelsiusPerMinute(100), None);
        var rampEnd = plant.Clock.Elapsed;
        Assert.That(plant.State(Vessel.Furnace).TemperatureC, Is.LessThan(850 - HoldTolerance.DefaultCelsius));

        await plant.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(1), None);

        var hold = plant.ThermalProfile.Where(s => s.Vessel == Vessel.Furnace && s.Time > rampEnd).ToList();
        var inBand = hold.First(s => Math.Abs(s.TemperatureC - 850) <= HoldTolerance.DefaultCelsius).Time;
        Assert.That(inBand - rampEnd, Is.GreaterThan(TimeSpan.FromMinutes(10)), "the charge needed time to catch up");
        // Only time in the band counts: the overshoot past 855 °C after so fast a ramp is not counted either.
        var counted = TimeSpan.FromSeconds(10 * hold.Count(s => Math.Abs(s.TemperatureC - 850) <= HoldTolerance.DefaultCelsius));
        Assert.That(counted, Is.EqualTo(TimeSpan.FromHours(1)).Within(TimeSpan.FromMinutes(1)), "an hour counted in the band, not from the command");
        Assert.That(plant.Clock.Elapsed - rampEnd, Is.GreaterThan(TimeSpan.FromHours(1.2)));
    }

    [Test]
    public async Task A_failed_heater_makes_a_hold_fail_instead_of_counting_cold_time()
    {
        var plant = new SimulatedPlant();
        await plant.RampAsync(Vessel.Furnace, Temperature.Celsius(600), TemperatureRate.CelsiusPerMinute(10), None);
        plant.InjectHeaterFailure(Vessel.Furnace);

        Assert.That(async () => await plant.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(5), None),
            Throws.TypeOf<TimeoutException>().With.Message.Contains("outside ±5 °C of its 600 °C set-point"));
        Assert.That(plant.State(Vessel.Furnace).TemperatureC, Is.LessThan(400));
    }

    [Test]
    public async Task Cooling_ends_at_the_target_with_the_heater_off()
    {
        var plant = new SimulatedPlant();
        await plant.RampAsync(Vessel.Furnace, Temperature.Celsius(800), TemperatureRate.CelsiusPerMinute(10), None);
        await plant.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(1), None);

        await plant.CoolAsync(Vessel.Furnace, Temperature.Celsius(100), None);

        Assert.That(plant.State(Vessel.Furnace).TemperatureC, Is.InRange(95, 100));
        Assert.That(plant.State(Vessel.Furnace).HeaterOn, Is.False);
    }

    [Test]
    public async Task Stuck_heater_keeps_heating_after_power_off()
    {
        var plant = new SimulatedPlant();
        plant.InjectStuckHeater(Vessel.Furnace);
        await plant.PowerOffAsync(Vessel.Furnace, None);

        await plant.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(1), None);

        Assert.That(plant.State(Vessel.Furnace).TemperatureC, Is.GreaterThan(1000));
        Assert.That(async () => await plant.CoolAsync(Vessel.Furnace, Temperature.Celsius(100), None),
            Throws.TypeOf<TimeoutException>().With.Message.Contains("heater stuck"));
    }

    [Test]
    public async Task Galvanostatic_step_stops_at_the_cut_off_potential()
    {
        var plant = new SimulatedPlant();

        var result = await plant.ApplyCurrentAsync(Vessel.Cell, Current.Milliamperes(-10), Potential.Volts(-0.8), TimeSpan.FromHours(48), None);

        // 0.3 V rest, 0.2 V ohmic drop at 10 mA, 0.01 V per mAh: the cut-off falls due after 90 mAh = 9 h.
        Assert.That(plant.Clock.Elapsed, Is.EqualTo(TimeSpan.FromHours(9)).Within(TimeSpan.FromSeconds(10)));
        Assert.That(result.CutoffReached, Is.True);
        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromHours(9)).Within(TimeSpan.FromSeconds(10)));
        Assert.That(result.FinalPotential.InVolts, Is.EqualTo(-0.8).Within(0.01));
        Assert.That((await plant.ReadPotentialAsync(Vessel.Cell, None)).InVolts, Is.EqualTo(-0.6).Within(0.01), "the current is off, so no ohmic drop");
    }

    [Test]
    public async Task Galvanostatic_step_that_runs_its_time_out_says_it_did_not_reach_the_cut_off()
    {
        var plant = new SimulatedPlant();

        var result = await plant.ApplyCurrentAsync(Vessel.Cell, Current.Milliamperes(-10), Potential.Volts(-0.8), TimeSpan.FromHours(2), None);

        Assert.That(result.CutoffReached, Is.False);
        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public async Task Potentiostatic_step_drives_the_cell_towards_its_potential()
    {
        var plant = new SimulatedPlant();

        await plant.ApplyPotentialAsync(Vessel.Cell, Potential.Volts(-0.5), TimeSpan.FromHours(12), None);

        Assert.That((await plant.ReadPotentialAsync(Vessel.Cell, None)).InVolts, Is.EqualTo(-0.5).Within(0.01));
    }

    [Test]
    public async Task Same_seed_gives_the_same_readings_and_another_seed_does_not()
    {
        async Task<double[]> Readings(int seed)
        {
            var plant = new SimulatedPlant(new SimulationSettings { Seed = seed });
            var values = new double[5];
            for (var i = 0; i < values.Length; i++)
                values[i] = (await plant.ReadTemperatureAsync(Vessel.Furnace, None)).InCelsius;
            return values;
        }

        Assert.That(await Readings(7), Is.EqualTo(await Readings(7)));
        Assert.That(await Readings(7), Is.Not.EqualTo(await Readings(8)));
        Assert.That(await Readings(7), Has.All.EqualTo(25).Within(2), "noise of 0.3 °C around ambient");
    }

    [Test]
    public async Task Lost_sensor_reads_nan_or_throws()
    {
        var plant = new SimulatedPlant();
        plant.InjectSensorLoss(Vessel.Furnace);
        plant.InjectSensorLoss(Vessel.Autoclave, throws: true);

        Assert.That((await plant.ReadTemperatureAsync(Vessel.Furnace, None)).InCelsius, Is.NaN);
        Assert.That(async () => await plant.ReadPressureAsync(Vessel.Autoclave, None), Throws.TypeOf<IOException>());
    }

    [Test]
    public void Cancelled_hold_stops_without_advancing_the_clock()
    {
        var plant = new SimulatedPlant();

        Assert.That(async () => await plant.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(1), new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(plant.Clock.Elapsed, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Only_the_autoclave_seals_and_only_the_cell_takes_current()
    {
        var plant = new SimulatedPlant();

        Assert.That(async () => await plant.SealAsync(Vessel.Furnace, None), Throws.ArgumentException.With.Message.Contains("Only the autoclave"));
        Assert.That(async () => await plant.ApplyCurrentAsync(Vessel.Mixer, Current.Milliamperes(-1), Potential.Volts(-1), TimeSpan.FromHours(1), None),
            Throws.ArgumentException.With.Message.Contains("Only the cell"));
    }
}

internal static class PairwiseExtension
{
    public static IEnumerable<(double Previous, double Next)> Pairwise(this IEnumerable<double> values) =>
        values.Zip(values.Skip(1), (a, b) => (a, b));
}
