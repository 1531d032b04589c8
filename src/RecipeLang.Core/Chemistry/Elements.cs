
namespace RecipeLang.Chemistry;

/// <summary>A chemical element. Elements without a standard atomic weight carry the mass number of their longest-lived isotope.</summary>
public sealed record Element(int Number, string Symbol, string Name, double AtomicWeight, bool HasStandardAtomicWeight);

/// <summary>The periodic table, symbols case-sensitive (Co is cobalt, CO is carbon monoxide).</summary>
public static class Elements
{
    /// <summary>Faraday constant, C/mol: exact since the 2019 SI redefinition (CODATA 2018, N_A · e).</summary>
    public const double FaradayConstant = 96485.33212;

    public const string Source = "IUPAC 2021 standard atomic weights (abridged); longest-lived isotope mass number for elements without one";

    private static readonly Element[] Table =
    [
        new(1, "H", "Hydrogen", 1.0080, true),
        new(2, "He", "Helium", 4.0026, true),
        new(3, "Li", "Lithium", 6.94, true),
        new(4, "Be", "Beryllium", 9.0122, true),
        new(5, "B", "Boron", 10.81, true),
        new(6, "C", "Carbon", 12.011, true),
        new(7, "N", "Nitrogen", 14.007, true),
        new(8, "O", "Oxygen", 15.999, true),
        new(9, "F", "Fluorine", 18.998, true),
        new(10, "Ne", "Neon", 20.180, true),
        new(11, "Na", "Sodium", 22.990, true),
        new(12, "Mg", "Magnesium", 24.305, true),
        new(13, "Al", "Aluminium", 26.982, true),
        new(14, "Si", "Silicon", 28.085, true),
        new(15, "P", "Phosphorus", 30.974, true),
        new(16, "S", "Sulfur", 32.06, true),
        new(17, "Cl", "Chlorine", 35.45, true),
        new(18, "Ar", "Argon", 39.95, true),
        new(19, "K", "Potassium", 39.098, true),
        new(20, "Ca", "Calcium", 40.078, true),
        new(21, "Sc", "Scandium", 44.956, true),
        new(22, "Ti", "Titanium", 47.867, true),
        new(23, "V", "Vanadium", 50.942, true),
        new(24, "Cr", "Chromium", 51.996, true),
        new(25, "Mn", "Manganese", 54.938, true),
        new(26, "Fe", "Iron", 55.845, true),
        new(27, "Co", "Cobalt", 58.933, true),
        new(28, "Ni", "Nickel", 58.693, true),
        new(29, "Cu", "Copper", 63.546, true),
        new(30, "Zn", "Zinc", 65.38, true),
        new(31, "Ga", "Gallium", 69.723, true),
        new(32, "Ge", "Germanium", 72.630, true),
        new(33, "As", "Arsenic", 74.922, true),
        new(34, "Se", "Selenium", 78.971, true),
        new(35, "Br", "Bromine", 79.904, true),
        new(36, "Kr", "Krypton", 83.798, true),
        new(37, "Rb", "Rubidium", 85.468, true),
        new(38, "Sr", "Strontium", 87.62, true),
        new(39, "Y", "Yttrium", 88.906, true),
        new(40, "Zr", "Zirconium", 91.224, true),
        new(41, "Nb", "Niobium", 92.906, true),
        new(42, "Mo", "Molybdenum", 95.95, true),
        new(43, "Tc", "Technetium", 97, false),
        new(44, "Ru", "Ruthenium", 101.07, true),
        new(45, "Rh", "Rhodium", 102.91, true),
        new(46, "Pd", "Palladium", 106.42, true),
        new(47, "Ag", "Silver", 107.87, true),
        new(48, "Cd", "Cadmium", 112.41, true),
        new(49, "In", "Indium", 114.82, true),
        new(50, "Sn", "Tin", 118.71, true),
        new(51, "Sb", "Antimony", 121.76, true),
        new(52, "Te", "Tellurium", 127.60, true),
        new(53, "I", "Iodine", 126.90, true),
        new(54, "Xe", "Xenon", 131.29, true),
        new(55, "Cs", "Caesium", 132.91, true),
        new(56, "Ba", "Barium", 137.33, true),
        new(57, "La", "Lanthanum", 138.91, true),
        new(58, "Ce", "Cerium", 140.12, true),
        new(59, "Pr", "Praseodymium", 140.91, true),
        new(60, "Nd", "Neodymium", 144.24, true),
        new(61, "Pm", "Promethium", 145, false),
        new(62, "Sm", "Samarium", 150.36, true),
        new(63, "Eu", "Europium", 151.96, true),
        new(64, "Gd", "Gadolinium", 157.25, true),
        new(65, "Tb", "Terbium", 158.93, true),
        new(66, "Dy", "Dysprosium", 162.50, true),
        new(67, "Ho", "Holmium", 164.93, true),
        new(68, "Er", "Erbium", 167.26, true),
        new(69, "Tm", "Thulium", 168.93, true),
        new(70, "Yb", "Ytterbium", 173.05, true),
        new(71, "Lu", "Lutetium", 174.97, true),
        new(72, "Hf", "Hafnium", 178.49, true),
        new(73, "Ta", "Tantalum", 180.95, true),
        new(74, "W", "Tungsten", 183.84, true),
        new(75, "Re", "Rhenium", 186.21, true),
        new(76, "Os", "Osmium", 190.23, true),
        new(77, "Ir", "Iridium", 192.22, true),
        new(78, "Pt", "Platinum", 195.08, true),
        new(79, "Au", "Gold", 196.97, true),
        new(80, "Hg", "Mercury", 200.59, true),
        new(81, "Tl", "Thallium", 204.38, true),
        new(82, "Pb", "Lead", 207.2, true),
        new(83, "Bi", "Bismuth", 208.98, true),
        new(84, "Po", "Polonium", 209, false),
        new(85, "At", "Astatine", 210, false),
        new(86, "Rn", "Radon", 222, false),
        new(87, "Fr", "Francium", 223, false),
        new(88, "Ra", "Radium", 226, false),
        new(89, "Ac", "Actinium", 227, false),
        new(90, "Th", "Thorium", 232.04, true),
        new(91, "Pa", "Protactinium", 231.04, true),
        new(92, "U", "Uranium", 238.03, true),
        new(93, "Np", "Neptunium", 237, false),
        new(94, "Pu", "Plutonium", 244, false),
        new(95, "Am", "Americium", 243, false),
        new(96, "Cm", "Curium", 247, false),
        new(97, "Bk", "Berkelium", 247, false),
        new(98, "Cf", "Californium", 251, false),
        new(99, "Es", "Einsteinium", 252, false),
        new(100, "Fm", "Fermium", 257, false),
        new(101, "Md", "Mendelevium", 258, false),
        new(102, "No", "Nobelium", 259, false),
        new(103, "Lr", "Lawrencium", 262, false),
        new(104, "Rf", "Rutherfordium", 267, false),
        new(105, "Db", "Dubnium", 268, false),
        new(106, "Sg", "Seaborgium", 269, false),
        new(107, "Bh", "Bohrium", 270, false),
        new(108, "Hs", "Hassium", 269, false),
        new(109, "Mt", "Meitnerium", 278, false),
        new(110, "Ds", "Darmstadtium", 281, false),
        new(111, "Rg", "Roentgenium", 282, false),
        new(112, "Cn", "Copernicium", 285, false),
        new(113, "Nh", "Nihonium", 286, false),
        new(114, "Fl", "Flerovium", 289, false),
        new(115, "Mc", "Moscovium", 290, false),
        new(116, "Lv", "Livermorium", 293, false),
        new(117, "Ts", "Tennessine", 294, false),
        new(118, "Og", "Oganesson", 294, false),
    ];

    private static readonly Dictionary<string, Element> BySymbol =
        Table.ToDictionary(e => e.Symbol, StringComparer.Ordinal);

    private static readonly Dictionary<string, Element>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        BySymbol.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>All 118 elements in order of atomic number.</summary>
    public static IReadOnlyList<Element> All => Table;

    public static bool TryGet(string symbol, out Element element) => TryGet(symbol.AsSpan(), out element);

    public static bool TryGet(ReadOnlySpan<char> symbol, out Element element)
    {
        if (BySpan.TryGetValue(symbol, out var found))
        {
            element = found;
            return true;
        }
        element = null!;
        return false;
    }
}
