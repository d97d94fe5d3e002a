/// What a MathML `<math>` element reads as in an article: its TeX (the `alttext` attribute, else a
/// TeX `<annotation>`), which keeps the formula's structure, else the text of its tokens.
enum MathMLText {
    enum Reading: Equatable {
        /// TeX source, shown as code.
        case tex(String)
        /// The formula's symbols in order, separated by spaces.
        case tokens(String)
    }

    static func reading(of math: XMLNode) -> Reading? {
        if let alt = math.attribute("alttext").map(XMLText.collapsed), !alt.isEmpty { return .tex(alt) }
        var annotation: String?
        var tokens: [String] = []
        NodeWalk.elements(below: math) { element in
            if element.name == "annotation" || element.name == "annotation-xml" {
                let encoding = element.attribute("encoding")?.lowercased() ?? ""
                if annotation == nil, encoding.contains("tex") { annotation = XMLText.collapsed(element.text) }
                return false
            }
            if !element.children.contains(where: \.isElement) {
                let text = XMLText.collapsed(element.text)
                if !text.isEmpty { tokens.append(text) }
            }
            return true
        }
        if let annotation, !annotation.isEmpty { return .tex(annotation) }
        return tokens.isEmpty ? nil : .tokens(tokens.joined(separator: " "))
    }
}
