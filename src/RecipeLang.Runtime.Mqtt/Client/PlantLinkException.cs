namespace RecipeLang.Runtime.Mqtt;

/// <summary>The runtime lost its link to a unit (broker gone, unit offline or silent, no acknowledgement in time).</summary>
public sealed class PlantLinkException(string message) : Exception(message);
