import Foundation
import GlossCore
import GlossTUI

/// Links in the TUI: the browser (`o`, `Enter` in the link list) and saving a linked page (`a`)
/// on a background thread, with the same limits and extractor as `gloss add`.
extension LiveServices {
    func openInBrowser(_ url: String, inTerminal: Bool) -> ServiceFailure? {
        let launcher = BrowserLauncher(configured: workspace.config.links.browser, environment: workspace.environment)
        return launcher.open(url, inTerminal: inTerminal).map(ServiceFailure.init)
    }

    func articleURL(relativePath: String) -> Result<String?, ServiceFailure> {
        let path = relativePath.hasPrefix("/") ? relativePath : workspace.paths.articles + "/" + relativePath
        do throws(CLIError) {
            return .success(try workspace.loadArticle(absolute: path, key: relativePath).metadata.url)
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    func startPageSave(url: String, via: String) -> ServiceFailure? {
        let saver = PageSaver(articlesDirectory: workspace.paths.articles, client: HTTPClient(limits: .standard))
        let updates = pageSaveUpdates
        Thread {
            do throws(CLIError) {
                let (file, existed, title) = try saver.save(url, tags: [], via: via)
                updates.append(.saved(relativePath: file, title: title, existed: existed))
            } catch {
                updates.append(.failed(url: url, message: error.description))
            }
        }.start()
        return nil
    }

    func takePageSaveUpdates() -> [PageSaveUpdate] {
        pageSaveUpdates.takeAll()
    }
}
