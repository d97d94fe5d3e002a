/// Words and sentence shapes for English-like news prose. None of them is one of the
/// generator's marker words, so a marker occurs only where the generator puts it.
enum ProseVocabulary {
    /// Singular and plural of regular-enough nouns.
    static let nouns: [(String, String)] = words(
        """
        harbour/harbours ferry/ferries lantern/lanterns market/markets village/villages ledger/ledgers
        council/councils river/rivers bridge/bridges tide/tides winter/winters letter/letters story/stories
        window/windows street/streets school/schools doctor/doctors fisherman/fishermen teacher/teachers
        mayor/mayors storm/storms archive/archives map/maps road/roads garden/gardens train/trains
        station/stations newspaper/newspapers reporter/reporters budget/budgets factory/factories mill/mills
        orchard/orchards festival/festivals museum/museums library/libraries committee/committees
        engineer/engineers farmer/farmers boat/boats warehouse/warehouses quay/quays lighthouse/lighthouses
        bakery/bakeries nurse/nurses clerk/clerks survey/surveys report/reports meeting/meetings
        neighbour/neighbours family/families child/children island/islands forest/forests valley/valleys
        tower/towers clock/clocks square/squares church/churches court/courts judge/judges witness/witnesses
        price/prices wage/wages contract/contracts vote/votes election/elections policy/policies
        scientist/scientists sample/samples glacier/glaciers coastline/coastlines dune/dunes wall/walls
        """)
    static let adjectives = list(
        """
        quiet narrow old grey early late long small broad cold bright heavy patient careful uneasy
        familiar distant local public private sudden modest crowded empty wet dry northern southern
        western eastern annual official unusual ordinary stubborn generous anxious hopeful tired steady
        salty muddy wooden rusty fragile serious honest
        """)
    static let transitiveVerbs = list(
        """
        opened closed carried found repaired described ignored counted measured painted questioned
        followed crossed checked signed sold bought mended watched visited recorded published rejected
        approved delayed cleared flooded rebuilt photographed remembered
        """)
    static let intransitiveVerbs = list(
        """
        arrived waited changed returned hesitated disappeared shifted settled faded gathered argued
        recovered stalled listened wandered lingered
        """)
    static let adverbs = list(
        """
        slowly quietly eventually suddenly carefully barely almost patiently reluctantly openly
        gradually briefly rarely
        """)
    static let prepositions = list("near beside behind beyond across along under above toward past through")
    static let places = list(
        """
        Kessling Dunmore Halvard Orrin Pellow Brackwater Easthaven Tolland Wrenfield Saltcombe Greyholm
        Ardley Cullen Norrby Fenwick
        """)
    static let people = list(
        """
        Mara Tobias Ines Halvor Ruth Dmitri Agnes Samir Lotte Emeka Brigid Osman Freya Jonah Petra Tomas
        """)
    static let surnames = list(
        """
        Quint Reyes Okafor Lindqvist Marsh Haldane Petrov Castell Brennan Voss Adeyemi Holm Keane Sato
        """)
    static let times = [
        "That morning", "By the end of the week", "After the flood", "In the spring", "Late in the evening",
        "Before the election", "During the long winter", "For most of the year", "On the second day",
        "Within an hour", "Years later", "Just before dawn",
    ]
    static let reporting = ["said", "wrote", "insisted", "admitted", "recalled", "told the council", "explained"]
    static let connectives = ["and", "but", "while", "although", "because", "so", "until"]

    private static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    private static func words(_ text: String) -> [(String, String)] {
        list(text).map { entry in
            let parts = entry.split(separator: "/").map(String.init)
            return (parts.first ?? entry, parts.last ?? entry)
        }
    }
}
