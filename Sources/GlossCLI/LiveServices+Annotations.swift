import GlossCore
import GlossStorage
import GlossTUI

extension LiveServices {
    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure> {
        .failure(ServiceFailure("saving is not wired yet"))
    }

    func editExternally(_ text: String) -> Result<String, ServiceFailure> {
        .failure(ServiceFailure("external editor is not wired yet"))
    }
}
