<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutBox</name>
    <message>
        <source>About smrtplayer</source>
        <translation>Über smrtplayer</translation>
    </message>
    <message>
        <source>{version_text}

An offline study player for manual-therapy video courses.
Data folder: {data_folder}</source>
        <translation>{version_text}

Ein Offline-Lernplayer für Videokurse der manuellen Therapie.
Datenordner: {data_folder}</translation>
    </message>
    <message>
        <source>Show Details… lists the bundled components and their licences.</source>
        <translation>„Details einblenden…“ zeigt die mitgelieferten Komponenten und ihre Lizenzen.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <extracomment>Roles a user acts on: each must have a name a screen reader can say. The keys a tooltip ends with: &quot;Mute (M)&quot;, &quot;Play / pause (Space, K)&quot;.</extracomment>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Empty this field</source>
        <translation>Leert dieses Feld</translation>
    </message>
</context>
<context>
    <name>ActionFeedback</name>
    <message>
        <source>Playing</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>−5 s</source>
        <translation>−5 s</translation>
    </message>
    <message>
        <source>+5 s</source>
        <translation>+5 s</translation>
    </message>
    <message>
        <source>−10 s</source>
        <translation>−10 s</translation>
    </message>
    <message>
        <source>+10 s</source>
        <translation>+10 s</translation>
    </message>
    <message>
        <source>Previous position</source>
        <translation>Vorige Position</translation>
    </message>
    <message>
        <source>Next position</source>
        <translation>Nächste Position</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>Vorige Lektion</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>Nächste Lektion</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Full screen off</source>
        <translation>Vollbild aus</translation>
    </message>
    <message>
        <source>Focus mode: Esc shows the panels again</source>
        <translation>Fokusmodus: Esc zeigt die Bereiche wieder</translation>
    </message>
    <message>
        <source>Panels shown</source>
        <translation>Bereiche eingeblendet</translation>
    </message>
    <message>
        <source>Loop start set</source>
        <translation>Schleifenanfang gesetzt</translation>
    </message>
    <message>
        <source>Loop cleared</source>
        <translation>Schleife gelöscht</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Voriges Einzelbild</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nächstes Einzelbild</translation>
    </message>
    <message>
        <source>Mirrored</source>
        <translation>Gespiegelt</translation>
    </message>
    <message>
        <source>Not mirrored</source>
        <translation>Nicht gespiegelt</translation>
    </message>
    <message>
        <source>Subtitles on</source>
        <translation>Untertitel an</translation>
    </message>
    <message>
        <source>Subtitles off</source>
        <translation>Untertitel aus</translation>
    </message>
    <message>
        <source>Marked watched</source>
        <translation>Als gesehen markiert</translation>
    </message>
    <message>
        <source>Marked not watched</source>
        <translation>Als nicht gesehen markiert</translation>
    </message>
    <message>
        <source>Volume {percent}</source>
        <translation>Lautstärke {percent}</translation>
    </message>
    <message>
        <source>Speed {rate}</source>
        <translation>Tempo {rate}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Your data was restored</source>
        <translation>Ihre Daten wurden wiederhergestellt</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>Schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>Backups and moving your data</source>
        <extracomment>the data was replaced (a restore or an import): every view reloads</extracomment>
        <translation>Sicherungen und Umzug Ihrer Daten</translation>
    </message>
    <message>
        <source>Backups of your notes and progress</source>
        <translation>Sicherungen Ihrer Notizen und Ihres Fortschritts</translation>
    </message>
    <message>
        <source>Choose one to restore it or to delete it</source>
        <translation>Eine wählen, um sie wiederherzustellen oder zu löschen</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>Aufbewahrte tägliche Sicherungen</translation>
    </message>
    <message>
        <source>Older ones are deleted as new ones are made</source>
        <translation>Ältere werden gelöscht, sobald neue entstehen</translation>
    </message>
    <message>
        <source>Keep daily backups:</source>
        <translation>Tägliche Sicherungen behalten:</translation>
    </message>
    <message>
        <source>smrtplayer backs up its database once a day and before an import or a restore. They are kept in {folder}.</source>
        <translation>smrtplayer sichert seine Datenbank einmal täglich sowie vor jedem Import und jeder Wiederherstellung. Die Sicherungen liegen in {folder}.</translation>
    </message>
    <message>
        <source>Move to another computer</source>
        <translation>Auf einen anderen Computer umziehen</translation>
    </message>
    <message>
        <source>Export all data…</source>
        <translation>Alle Daten exportieren…</translation>
    </message>
    <message>
        <source>Import data…</source>
        <translation>Daten importieren…</translation>
    </message>
    <message>
        <source>One file with your notes, progress, positions, practice log, plans and settings. Import it on the other computer: it is merged with what is there, nothing is duplicated, and the courses are matched by their content, whatever their folders.</source>
        <translation>Eine Datei mit Ihren Notizen, Ihrem Fortschritt, Ihren Positionen, dem Übungsprotokoll, den Plänen und Einstellungen. Importieren Sie sie auf dem anderen Computer: Sie wird mit dem Vorhandenen zusammengeführt, nichts wird doppelt angelegt, und die Kurse werden an ihrem Inhalt erkannt, egal in welchem Ordner sie liegen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Copies your notes, progress and positions now</source>
        <translation>Sichert jetzt Ihre Notizen, Ihren Fortschritt und Ihre Positionen</translation>
    </message>
    <message>
        <source>Puts the chosen backup in place of today&apos;s data, after asking</source>
        <translation>Setzt nach Rückfrage die gewählte Sicherung an die Stelle der heutigen Daten</translation>
    </message>
    <message>
        <source>Deletes the chosen backup</source>
        <translation>Löscht die gewählte Sicherung</translation>
    </message>
    <message>
        <source>One file with all your data, to move to another computer</source>
        <translation>Eine Datei mit allen Ihren Daten, für einen anderen Computer</translation>
    </message>
    <message>
        <source>Reads a file exported on another computer, after asking how</source>
        <translation>Liest eine auf einem anderen Computer exportierte Datei, nach Rückfrage wie</translation>
    </message>
    <message>
        <source>Closes this window</source>
        <translation>Schließt dieses Fenster</translation>
    </message>
    <message>
        <source>Read-only: {read_only_reason}.</source>
        <translation>Schreibgeschützt: {read_only_reason}.</translation>
    </message>
    <message>
        <source>Backed up ({size_bytes}).</source>
        <translation>Gesichert ({size_bytes}).</translation>
    </message>
    <message>
        <source>Restored the backup of {when}: {counts}. What you had just before is kept as a backup too.</source>
        <translation>Die Sicherung vom {when} wurde wiederhergestellt: {counts}. Der Stand unmittelbar davor bleibt ebenfalls als Sicherung erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Notiz</numerusform>
            <numerusform>%n Notizen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) with progress</source>
        <translation>
            <numerusform>%n Lektion mit Fortschritt</numerusform>
            <numerusform>%n Lektionen mit Fortschritt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) you marked</source>
        <translation>
            <numerusform>%n selbst markierte Position</numerusform>
            <numerusform>%n selbst markierte Positionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practice entry(s)</source>
        <translation>
            <numerusform>%n Protokolleintrag</numerusform>
            <numerusform>%n Protokolleinträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n Plan</numerusform>
            <numerusform>%n Pläne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n Kurs</numerusform>
            <numerusform>%n Kurse</numerusform>
        </translation>
    </message>
    <message>
        <source>no notes or progress yet</source>
        <translation>noch keine Notizen und kein Fortschritt</translation>
    </message>
    <message numerus="yes">
        <source>Exported to {path} (%n note(s) and the rest of your data).</source>
        <translation>
            <numerusform>Exportiert nach {path} (%n Notiz und Ihre übrigen Daten).</numerusform>
            <numerusform>Exportiert nach {path} (%n Notizen und Ihre übrigen Daten).</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importiert.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Diese Sicherung wiederherstellen?</translation>
    </message>
    <message>
        <source>Your notes and progress will be as they were on {taken_at}. What you have now is backed up first, so this can be undone.</source>
        <translation>Ihre Notizen und Ihr Fortschritt werden auf den Stand vom {taken_at} zurückgesetzt. Der jetzige Stand wird vorher gesichert, das lässt sich also rückgängig machen.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Export all data</source>
        <translation>Alle Daten exportieren</translation>
    </message>
    <message>
        <source>smrtplayer data (*{file_suffix})</source>
        <translation>smrtplayer-Daten (*{file_suffix})</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <source>smrtplayer data (*{file_suffix});;All files (*)</source>
        <translation>smrtplayer-Daten (*{file_suffix});;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Automatic (daily)</source>
        <extracomment>what each kind of backup is called (the window shows them translated, context &quot;Backups&quot;)</extracomment>
        <translation>Automatisch (täglich)</translation>
    </message>
    <message>
        <source>Backed up by you</source>
        <translation>Von Ihnen gesichert</translation>
    </message>
    <message>
        <source>Before importing data</source>
        <translation>Vor einem Datenimport</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Vor einem Update</translation>
    </message>
</context>
<context>
    <name>BodyMap</name>
    <message>
        <source>FRONT</source>
        <translation>VORNE</translation>
    </message>
    <message>
        <source>client faces you</source>
        <translation>Klient schaut zu Ihnen</translation>
    </message>
    <message>
        <source>BACK</source>
        <translation>HINTEN</translation>
    </message>
    <message>
        <source>client faces away</source>
        <translation>Klient schaut von Ihnen weg</translation>
    </message>
    <message>
        <source>R</source>
        <extracomment>the side letters and words drawn beside the figures (written in English in the SVG files)</extracomment>
        <translation>R</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>RECHTS</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>LINKS</translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n position(s)</source>
        <translation>
            <numerusform>{name}, %n Position</numerusform>
            <numerusform>{name}, %n Positionen</numerusform>
        </translation>
    </message>
    <message>
        <source>A way of lying, not a body part. Press Space to list.</source>
        <translation>Eine Lagerung, kein Körperteil. Leertaste listet sie auf.</translation>
    </message>
</context>
<context>
    <name>CountdownView</name>
    <message>
        <source>Hold time left</source>
        <translation>Verbleibende Haltezeit</translation>
    </message>
    <message>
        <source>No hold</source>
        <translation>Keine Haltephase</translation>
    </message>
    <message numerus="yes">
        <source>%n s, not started</source>
        <translation>
            <numerusform>%n s, nicht gestartet</numerusform>
            <numerusform>%n s, nicht gestartet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>noch %n s</numerusform>
            <numerusform>noch %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s over</source>
        <translation>
            <numerusform>%n s darüber</numerusform>
            <numerusform>%n s darüber</numerusform>
        </translation>
    </message>
    <message>
        <source>, paused</source>
        <translation>, pausiert</translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message>
        <source>No body region</source>
        <extracomment>the CourseSummary of a row the row&apos;s texts as a card shows them (CardText) cards whose summaries are read in one query: about a screenful</extracomment>
        <translation>Keine Körperregion</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>in the library</source>
        <translation>in der Bibliothek</translation>
    </message>
    <message>
        <source>used in place</source>
        <translation>am Ort verwendet</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n Lektion</numerusform>
            <numerusform>%n Lektionen</numerusform>
        </translation>
    </message>
    <message>
        <source>{watched} of {lessons} watched</source>
        <translation>{watched} von {lessons} gesehen</translation>
    </message>
    <message>
        <source>Missing: the folder {folder} is gone or empty.</source>
        <translation>Fehlt: Der Ordner {folder} ist nicht mehr da oder leer.</translation>
    </message>
    <message>
        <source>{watched} watched</source>
        <translation>{watched} gesehen</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>Find the folder…</source>
        <translation>Ordner suchen…</translation>
    </message>
    <message>
        <source>Check files…</source>
        <translation>Dateien prüfen…</translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>placeholder colours behind a course&apos;s initials, picked from its title (white text on each) the thumbnail sits beside the text from this card width on, above it below</extracomment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
</context>
<context>
    <name>Demonstration</name>
    <message>
        <source>Mirrored: the course shows the client&apos;s left</source>
        <translation>Gespiegelt: Der Kurs zeigt die linke Seite des Klienten</translation>
    </message>
    <message>
        <source>Mirrored: the course shows the client&apos;s right</source>
        <translation>Gespiegelt: Der Kurs zeigt die rechte Seite des Klienten</translation>
    </message>
    <message>
        <source>Course&apos;s left-side demonstration</source>
        <translation>Vorführung des Kurses links</translation>
    </message>
    <message>
        <source>Course&apos;s right-side demonstration</source>
        <translation>Vorführung des Kurses rechts</translation>
    </message>
</context>
<context>
    <name>FileCheck</name>
    <message>
        <source>the file is not where the course expects it</source>
        <translation>die Datei liegt nicht dort, wo der Kurs sie erwartet</translation>
    </message>
    <message>
        <source>{parts}, part of this title, is not there</source>
        <translation>{parts}, ein Teil dieses Titels, fehlt</translation>
    </message>
    <message>
        <source>it cannot be read: {reason}</source>
        <translation>sie kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>matches the manifest&apos;s checksum</source>
        <translation>stimmt mit der Prüfsumme des Manifests überein</translation>
    </message>
    <message>
        <source>its SHA-256 differs from the manifest&apos;s: the file is damaged</source>
        <translation>ihre SHA-256-Summe weicht von der des Manifests ab: Die Datei ist beschädigt</translation>
    </message>
    <message>
        <source>unchanged since it was imported</source>
        <translation>seit dem Import unverändert</translation>
    </message>
    <message>
        <source>its content changed since it was imported: damaged or replaced</source>
        <translation>ihr Inhalt hat sich seit dem Import geändert: beschädigt oder ersetzt</translation>
    </message>
    <message>
        <source>checksum recorded</source>
        <translation>Prüfsumme gespeichert</translation>
    </message>
    <message>
        <source>ok</source>
        <extracomment>the word for each outcome of a file check (library/verify.py)</extracomment>
        <translation>ok</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation>abweichend</translation>
    </message>
</context>
<context>
    <name>HoldPanel</name>
    <message>
        <source>Pause at each position and start its hold</source>
        <translation>An jeder Position pausieren und halten</translation>
    </message>
    <message>
        <source>Loop the position&apos;s video while holding</source>
        <translation>Positionsvideo beim Halten wiederholen</translation>
    </message>
    <message>
        <source>Go on to the next step by itself</source>
        <translation>Automatisch zum nächsten Schritt</translation>
    </message>
    <message>
        <source>Tick every second</source>
        <translation>Jede Sekunde ein Ticken</translation>
    </message>
    <message>
        <source>Say the position&apos;s name (self-care)</source>
        <translation>Position ansagen (Selbstbehandlung)</translation>
    </message>
    <message>
        <source>A hold</source>
        <translation>Eine Haltephase</translation>
    </message>
    <message>
        <source>A hold is running</source>
        <translation>Eine Haltephase läuft</translation>
    </message>
    <message>
        <source>{what} is still running{left}. Close smrtplayer anyway? The hold will be logged as ended now.</source>
        <translation>{what} läuft noch{left}. smrtplayer trotzdem schließen? Die Haltephase wird als jetzt beendet protokolliert.</translation>
    </message>
    <message>
        <source> ({time} left)</source>
        <translation> (noch {time})</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Keep holding</source>
        <translation>Weiter halten</translation>
    </message>
    <message>
        <source>Lesson missing</source>
        <translation>Lektion fehlt</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Diesen Schritt überspringen</translation>
    </message>
    <message>
        <source>Hold without the video</source>
        <translation>Ohne Video halten</translation>
    </message>
    <message>
        <source>Stop the sequence</source>
        <translation>Ablauf beenden</translation>
    </message>
    <message>
        <source>Tenderness now</source>
        <extracomment>the panel asks its window to open these (the window decides how: dialog, full screen...)</extracomment>
        <translation>Druckschmerz jetzt</translation>
    </message>
    <message>
        <source>How tender the point is now, 0 (none) to 10 (as before treatment)</source>
        <translation>Wie druckschmerzhaft der Punkt jetzt ist, 0 (gar nicht) bis 10 (wie vor der Behandlung)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>No hold running</source>
        <translation>Keine Haltephase aktiv</translation>
    </message>
    <message>
        <source>Hold preset</source>
        <translation>Haltevorgabe</translation>
    </message>
    <message>
        <source>A hold length by technique; Start begins it</source>
        <translation>Eine Haltedauer je Technik; Start beginnt sie</translation>
    </message>
    <message>
        <source>Hold length</source>
        <translation>Haltedauer</translation>
    </message>
    <message>
        <source>Your own length instead of the preset&apos;s: 40, 1:30 or 2 min</source>
        <translation>Eigene Dauer statt der Vorgabe: 40, 1:30 oder 2 min</translation>
    </message>
    <message>
        <source>or type: 40, 1:30, 2 min</source>
        <translation>oder: 40, 1:30, 2 min</translation>
    </message>
    <message>
        <source>A length to start with Start, or, while a hold runs, its new length (Enter)</source>
        <translation>Eine Dauer zum Starten mit Start oder, während eine Haltephase läuft, ihre neue Dauer (Eingabe)</translation>
    </message>
    <message>
        <source>Chosen here, a length holds every position until you change it (T too)</source>
        <translation>Hier gewählt, gilt eine Dauer für jede Position, bis Sie sie ändern (auch für T)</translation>
    </message>
    <message>
        <source>Start</source>
        <extracomment>what T does with the length chosen above, in words</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Als Vorgabe speichern…</translation>
    </message>
    <message>
        <source>Hold this position (T)</source>
        <translation>Diese Position halten (T)</translation>
    </message>
    <message>
        <source>Start the hold for the position on screen, with its own hold time</source>
        <translation>Die Haltephase für die gezeigte Position starten, mit ihrer eigenen Haltezeit</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Continue the lesson</source>
        <translation>Lektion fortsetzen</translation>
    </message>
    <message>
        <source>Other side</source>
        <translation>Andere Seite</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>How the end of a hold is announced</source>
        <translation>Wie das Ende einer Haltephase angekündigt wird</translation>
    </message>
    <message>
        <source>Clinic: soft chime and screen flash</source>
        <translation>Praxis: leiser Gong, Aufblitzen</translation>
    </message>
    <message>
        <source>Self-care: louder, counts down, may speak</source>
        <translation>Selbstbehandlung: lauter, mit Ansage</translation>
    </message>
    <message>
        <source>Start a session…</source>
        <translation>Sitzung beginnen…</translation>
    </message>
    <message>
        <source>Group the holds of one treatment; a client label (initials or a pseudonym) is optional</source>
        <translation>Die Haltephasen einer Behandlung zusammenfassen; eine Klientenbezeichnung (Initialen oder Pseudonym) ist freiwillig</translation>
    </message>
    <message>
        <source>Plans…</source>
        <translation>Pläne…</translation>
    </message>
    <message>
        <source>Table mode</source>
        <translation>Liegenmodus</translation>
    </message>
    <message>
        <source>Practice log…</source>
        <translation>Übungsprotokoll…</translation>
    </message>
    <message>
        <source>Tenderness before (0–10)</source>
        <translation>Druckschmerz vorher (0–10)</translation>
    </message>
    <message>
        <source>How tender the spot is before this hold; kept with it</source>
        <translation>Wie druckschmerzhaft der Punkt vor dieser Haltephase ist; wird mit ihr gespeichert</translation>
    </message>
    <message>
        <source>How tender the spot is after the hold: the one running now, or, when none runs, the one just ended</source>
        <translation>Wie druckschmerzhaft der Punkt nach der Haltephase ist: nach der laufenden oder, wenn keine läuft, nach der gerade beendeten</translation>
    </message>
    <message>
        <source>Tenderness after (0–10)</source>
        <translation>Druckschmerz nachher (0–10)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Each position&apos;s own time</source>
        <translation>Eigene Zeit jeder Position</translation>
    </message>
    <message>
        <source>T holds each position for its own time.</source>
        <translation>T hält jede Position für ihre eigene Zeit.</translation>
    </message>
    <message>
        <source>T holds every position for {length} ({name}) until you change it.</source>
        <translation>T hält jede Position {length} lang ({name}), bis Sie es ändern.</translation>
    </message>
    <message>
        <source>Cannot use this length</source>
        <translation>Diese Dauer kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Cannot set this length</source>
        <translation>Diese Dauer kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>No position here</source>
        <translation>Hier ist keine Position</translation>
    </message>
    <message>
        <source>This lesson has no marked positions to hold. Choose a preset and press Start instead.</source>
        <translation>Diese Lektion hat keine markierten Positionen zum Halten. Wählen Sie stattdessen eine Vorgabe und drücken Sie Start.</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Cannot start this hold</source>
        <translation>Diese Haltephase kann nicht starten</translation>
    </message>
    <message>
        <source>Cannot save this preset</source>
        <translation>Diese Vorgabe kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Als Vorgabe speichern</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>Name der Vorgabe:</translation>
    </message>
    <message>
        <source>My hold {typed}</source>
        <translation>Meine Haltephase {typed}</translation>
    </message>
    <message>
        <source>Start a session</source>
        <translation>Sitzung beginnen</translation>
    </message>
    <message>
        <source>Client label (optional: initials or a pseudonym, never a full name):</source>
        <translation>Klientenbezeichnung (freiwillig: Initialen oder ein Pseudonym, nie der volle Name):</translation>
    </message>
    <message>
        <source>Cannot start this session</source>
        <translation>Diese Sitzung kann nicht beginnen</translation>
    </message>
    <message>
        <source>Session with {client} running: its holds are grouped in the practice log.</source>
        <translation>Sitzung mit {client} läuft: Ihre Haltephasen werden im Übungsprotokoll zusammengefasst.</translation>
    </message>
    <message>
        <source>Session running: its holds are grouped in the practice log.</source>
        <translation>Sitzung läuft: Ihre Haltephasen werden im Übungsprotokoll zusammengefasst.</translation>
    </message>
    <message>
        <source>Last time with this client ({when}): {summary}</source>
        <translation>Letztes Mal mit diesem Klienten ({when}): {summary}</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Records the step waiting on screen and goes on</source>
        <translation>Erfasst den wartenden Schritt und macht weiter</translation>
    </message>
    <message>
        <source>Starts a hold of the preset&apos;s or the typed length</source>
        <translation>Startet eine Haltephase mit der Vorgabe oder der eingegebenen Dauer</translation>
    </message>
    <message>
        <source>Keeps the typed length as a preset of your own</source>
        <translation>Speichert die eingegebene Dauer als eigene Vorgabe</translation>
    </message>
    <message>
        <source>Stops the countdown until pressed again</source>
        <translation>Hält den Countdown an, bis erneut gedrückt wird</translation>
    </message>
    <message>
        <source>Takes 10 seconds off the hold</source>
        <translation>Verkürzt die Haltephase um 10 Sekunden</translation>
    </message>
    <message>
        <source>Adds 10 seconds to the hold</source>
        <translation>Verlängert die Haltephase um 10 Sekunden</translation>
    </message>
    <message>
        <source>Ends the hold or the sequence now</source>
        <translation>Beendet die Haltephase oder die Abfolge sofort</translation>
    </message>
    <message>
        <source>Plays the lesson on from the position held</source>
        <translation>Spielt die Lektion ab der gehaltenen Position weiter</translation>
    </message>
    <message>
        <source>The same hold on the client&apos;s other side, the picture mirrored</source>
        <translation>Dieselbe Haltephase auf der anderen Seite des Klienten, das Bild gespiegelt</translation>
    </message>
    <message>
        <source>Goes on to the next step of the sequence</source>
        <translation>Geht zum nächsten Schritt der Abfolge</translation>
    </message>
    <message>
        <source>Treatment plans: sequences of holds to run</source>
        <translation>Behandlungspläne: Abfolgen von Haltephasen</translation>
    </message>
    <message>
        <source>Full screen, readable from the treatment table</source>
        <translation>Vollbild, lesbar von der Behandlungsliege aus</translation>
    </message>
    <message>
        <source>The holds you did, with tenderness before and after</source>
        <translation>Ihre Haltephasen, mit dem Druckschmerz davor und danach</translation>
    </message>
    <message>
        <source>While a lesson plays, each position stops it and starts a hold</source>
        <translation>Während eine Lektion läuft, hält jede Position sie an und startet eine Haltephase</translation>
    </message>
    <message>
        <source>The demonstration repeats until the hold ends</source>
        <translation>Die Demonstration wiederholt sich bis zum Ende der Haltephase</translation>
    </message>
    <message>
        <source>A finished step starts the next without a key</source>
        <translation>Ein beendeter Schritt startet den nächsten ohne Taste</translation>
    </message>
    <message>
        <source>A soft tick each second of the hold</source>
        <translation>Ein leises Ticken in jeder Sekunde der Haltephase</translation>
    </message>
    <message>
        <source>The computer&apos;s voice says each position as it starts</source>
        <translation>Die Stimme des Computers nennt jede Position, wenn sie beginnt</translation>
    </message>
    <message>
        <source>PASS {current} / {count}</source>
        <translation>DURCHGANG {current} / {count}</translation>
    </message>
    <message>
        <source>Done (Shift+Enter)</source>
        <translation>Erledigt (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Record the tenderness (0–9 keys)</source>
        <translation>Druckschmerz eintragen (Tasten 0–9)</translation>
    </message>
    <message>
        <source>waiting: lesson missing</source>
        <translation>wartet: Lektion fehlt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Next position</source>
        <translation>Nächste Position</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>down {points}</source>
        <translation>{points} weniger</translation>
    </message>
    <message>
        <source>up {points}</source>
        <translation>{points} mehr</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>, under 70 %</source>
        <translation>, unter 70 %</translation>
    </message>
    <message>
        <source> ({percent} % less{under})</source>
        <translation> ({percent} % weniger{under})</translation>
    </message>
    <message>
        <source>Last hold: tenderness {tender_before} → {tender_after}, {words}</source>
        <translation>Letzte Haltephase: Druckschmerz {tender_before} → {tender_after}, {words}</translation>
    </message>
</context>
<context>
    <name>Holds</name>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>beide Seiten</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>under a minute</source>
        <extracomment>The Home tab shows its cards in two columns from this width on.</extracomment>
        <translation>unter einer Minute</translation>
    </message>
    <message>
        <source>0 min</source>
        <translation>0 min</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Continue</source>
        <extracomment>play a lesson (id); start_ms None: where the user stopped</extracomment>
        <translation>Weiterschauen</translation>
    </message>
    <message>
        <source>%p % watched</source>
        <translation>%p % gesehen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Plays the lesson above on from where you stopped</source>
        <translation>Spielt die Lektion oben ab der Stelle weiter, an der Sie aufgehört haben</translation>
    </message>
    <message>
        <source>Recently watched</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Enter opens the lesson where you stopped</source>
        <translation>Eingabe öffnet die Lektion, wo Sie aufgehört haben</translation>
    </message>
    <message>
        <source>Courses in progress</source>
        <translation>Begonnene Kurse</translation>
    </message>
    <message>
        <source>Study time, last {chart_days} days</source>
        <translation>Lernzeit, letzte {chart_days} Tage</translation>
    </message>
    <message>
        <source>Positions practised, by region</source>
        <translation>Geübte Positionen nach Region</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Where you stopped, what you watched lately and your study time</source>
        <translation>Wo Sie aufgehört haben, was Sie zuletzt gesehen haben und Ihre Lernzeit</translation>
    </message>
    <message>
        <source>Lessons you watch show up here.</source>
        <translation>Lektionen, die Sie ansehen, erscheinen hier.</translation>
    </message>
    <message>
        <source>Study time, last {chart_days} days ({span})</source>
        <translation>Lernzeit, letzte {chart_days} Tage ({span})</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row</source>
        <translation>
            <numerusform>%n Tag in Folge</numerusform>
            <numerusform>%n Tage in Folge</numerusform>
        </translation>
    </message>
    <message>
        <source>No streak yet</source>
        <translation>Noch keine Serie</translation>
    </message>
    <message>
        <source>{streak_text}  ·  last 7 days: {duration_text}</source>
        <translation>{streak_text}  ·  letzte 7 Tage: {duration_text}</translation>
    </message>
    <message>
        <source>Nothing watched yet</source>
        <translation>Noch nichts gesehen</translation>
    </message>
    <message>
        <source>Pick a course and a lesson to start; smrtplayer remembers where you stop.</source>
        <translation>Wählen Sie einen Kurs und eine Lektion; smrtplayer merkt sich, wo Sie aufhören.</translation>
    </message>
    <message>
        <source>▶ Resume at {resume_ms}</source>
        <translation>▶ Fortsetzen bei {resume_ms}</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Abspielen</translation>
    </message>
    <message>
        <source>None yet: a course shows here once you start it.</source>
        <translation>Noch keiner: Ein Kurs erscheint hier, sobald Sie ihn beginnen.</translation>
    </message>
    <message>
        <source> at {rate}</source>
        <translation> mit {rate}</translation>
    </message>
    <message numerus="yes">
        <source>{watched} of %n lesson(s) · {left} left</source>
        <translation>
            <numerusform>{watched} von %n Lektion · noch {left}</numerusform>
            <numerusform>{watched} von %n Lektionen · noch {left}</numerusform>
        </translation>
    </message>
    <message>
        <source> (+{count} not yet measured)</source>
        <translation> (+{count} noch nicht gemessen)</translation>
    </message>
    <message>
        <source>No positions in your courses yet.</source>
        <translation>Ihre Kurse haben noch keine Positionen.</translation>
    </message>
    <message>
        <source>{done} of {count}</source>
        <translation>{done}/{count}</translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s)</source>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{path}: not something smrtplayer can import. Choose a course folder, a .zip archive, a DVD&apos;s VIDEO_TS folder or video files (MP4, MOV, MKV, WebM, MPG, VOB).</source>
        <extracomment>a position may end this much after the probed end of its video (rounding, container padding) for a copy, the finished staging folder that becomes the course folder on commit</extracomment>
        <translation>{path}: Das kann smrtplayer nicht importieren. Wählen Sie einen Kursordner, ein .zip-Archiv, den VIDEO_TS-Ordner einer DVD oder Videodateien (MP4, MOV, MKV, WebM, MPG, VOB).</translation>
    </message>
    <message>
        <source>{path}: copying failed: {reason}. Nothing was imported.</source>
        <translation>{path}: Kopieren fehlgeschlagen: {reason}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{path}: {reason}. Nothing was imported.</source>
        <translation>{path}: {reason}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (und {count} weitere)</translation>
    </message>
    <message>
        <source>{path}: no playable video was found ({reasons}{more}). Nothing was imported.</source>
        <translation>{path}: Kein abspielbares Video gefunden ({reasons}{more}). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{title} is already in the library (course {id}, {path}). Remove it first to import it from here, or use &apos;smrtplayer relink&apos; if its files moved.</source>
        <translation>{title} ist bereits in der Bibliothek (Kurs {id}, {path}). Entfernen Sie ihn zuerst, um ihn von hier zu importieren, oder suchen Sie seinen Ordner neu („Ordner suchen…“ auf der Kurskarte), wenn seine Dateien verschoben wurden.</translation>
    </message>
    <message>
        <source> The manifest&apos;s lesson files are missing: {files}.</source>
        <translation> Die Lektionsdateien des Manifests fehlen: {files}.</translation>
    </message>
    <message>
        <source>{path}: no video lessons were found (MP4, MOV, MKV, WebM, MPG or a DVD&apos;s VOB files).{detail} Nothing was imported.</source>
        <translation>{path}: Keine Videolektionen gefunden (MP4, MOV, MKV, WebM, MPG oder VOB-Dateien einer DVD).{detail} Es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>ImportChooser</name>
    <message>
        <source>Courses and videos (*.zip *.mp4 *.m4v *.mov *.mkv *.webm *.vob *.mpg *.mpeg)</source>
        <translation>Kurse und Videos (*.zip *.mp4 *.m4v *.mov *.mkv *.webm *.vob *.mpg *.mpeg)</translation>
    </message>
    <message>
        <source>Import a course: a zip, its videos or its folder</source>
        <translation>Kurs importieren: eine Zip-Datei, seine Videos oder sein Ordner</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Import this folder</source>
        <extracomment>what was chosen: files, or one folder</extracomment>
        <translation>Diesen Ordner importieren</translation>
    </message>
    <message>
        <source>Import the folder selected in the list, or the folder shown when none is selected</source>
        <translation>Den in der Liste gewählten Ordner importieren oder, wenn keiner gewählt ist, den angezeigten</translation>
    </message>
</context>
<context>
    <name>ImportInvitation</name>
    <message>
        <source>Only the demo course is here so far.</source>
        <extracomment>&quot;Import a course…&quot;: zip files or videos, chosen in a file dialog &quot;Import a folder or DVD…&quot;: a course folder or a DVD&apos;s folder</extracomment>
        <translation>Bisher ist nur der Demokurs da.</translation>
    </message>
    <message>
        <source>Import a course…</source>
        <translation>Kurs importieren…</translation>
    </message>
    <message>
        <source>A course&apos;s .zip, its video files or its folder</source>
        <translation>Die .zip-Datei eines Kurses, seine Videodateien oder sein Ordner</translation>
    </message>
    <message>
        <source>Import a folder or DVD…</source>
        <translation>Ordner oder DVD importieren…</translation>
    </message>
    <message>
        <source>A folder of lessons, or a DVD copied to disk</source>
        <translation>Ein Ordner mit Lektionen oder eine auf die Festplatte kopierte DVD</translation>
    </message>
    <message>
        <source>Bring in a course you own: its .zip, its videos, its folder or its DVD. Or drop it here.</source>
        <translation>Holen Sie einen Kurs herein, den Sie besitzen: seine .zip-Datei, seine Videos, seinen Ordner oder seine DVD. Oder ziehen Sie ihn hierher.</translation>
    </message>
    <message>
        <source>What can be imported:
• a course&apos;s .zip, as it was downloaded
• video files: MP4, M4V, MOV, MKV, WebM, VOB, MPG
• a folder of lessons, with or without a list of positions
• a DVD copied to disk: the folder that holds VIDEO_TS
You can also drop any of these here.</source>
        <translation>Was sich importieren lässt:
• die .zip-Datei eines Kurses, so wie sie heruntergeladen wurde
• Videodateien: MP4, M4V, MOV, MKV, WebM, VOB, MPG
• ein Ordner mit Lektionen, mit oder ohne Positionsliste
• eine auf die Festplatte kopierte DVD: der Ordner mit VIDEO_TS
Sie können all das auch hierher ziehen.</translation>
    </message>
</context>
<context>
    <name>IndexOverview</name>
    <message>
        <source>Regions and their positions</source>
        <extracomment>a region&apos;s button was clicked (its id)</extracomment>
        <translation>Regionen und ihre Positionen</translation>
    </message>
    <message>
        <source>Each region with its count; choosing one lists its positions</source>
        <translation>Jede Region mit ihrer Anzahl; die Wahl einer Region listet ihre Positionen</translation>
    </message>
    <message>
        <source>List the positions of %1</source>
        <translation>Die Positionen von %1 anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n position(s)</source>
        <translation>
            <numerusform>{name}: %n Position</numerusform>
            <numerusform>{name}: %n Positionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) in your courses. Choose a region, or search above.</source>
        <translation>
            <numerusform>%n Position in Ihren Kursen. Wählen Sie eine Region oder suchen Sie oben.</numerusform>
            <numerusform>%n Positionen in Ihren Kursen. Wählen Sie eine Region oder suchen Sie oben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add your own while watching: press %1 where a position starts and %2 where it ends, then name it.</source>
        <translation>Eigene fügen Sie beim Ansehen hinzu: Drücken Sie %1, wo eine Position beginnt, und %2, wo sie endet, und benennen Sie sie dann.</translation>
    </message>
    <message>
        <source>No positions yet.</source>
        <translation>Noch keine Positionen.</translation>
    </message>
    <message>
        <source>Add your first while watching a lesson: press %1 (Mark start, below) where a position starts and %2 (Mark end…) where it ends, then name it and choose its region. Courses that come with a position list fill this index by themselves.</source>
        <translation>Ihre erste fügen Sie beim Ansehen einer Lektion hinzu: Drücken Sie %1 (Anfang, unten), wo eine Position beginnt, und %2 (Ende…), wo sie endet; benennen Sie sie dann und wählen Sie ihre Region. Kurse mit Positionsliste füllen diesen Index von selbst.</translation>
    </message>
</context>
<context>
    <name>IndexPanel</name>
    <message>
        <source>Find positions</source>
        <extracomment>a position&apos;s lesson was opened at its start (IndexRow): the window may select the lesson</extracomment>
        <translation>Positionen finden</translation>
    </message>
    <message>
        <source>Muscle, region or technique — e.g. glute med, piriformis</source>
        <translation>Muskel, Region oder Technik – z. B. glute med, piriformis</translation>
    </message>
    <message>
        <source>Regions, muscles and techniques</source>
        <translation>Regionen, Muskeln und Techniken</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Body map</source>
        <translation>Körperkarte</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>Positions found</source>
        <translation>Gefundene Positionen</translation>
    </message>
    <message>
        <source>Mark start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Mark where a position of your own starts ({mark_start_key})</source>
        <translation>Markieren, wo eine eigene Position beginnt ({mark_start_key})</translation>
    </message>
    <message>
        <source>Mark end…</source>
        <translation>Ende…</translation>
    </message>
    <message>
        <source>Mark where it ends and describe it ({mark_end_key})</source>
        <translation>Markieren, wo sie endet, und sie beschreiben ({mark_end_key})</translation>
    </message>
    <message>
        <source>Export my positions in the current course…</source>
        <translation>Meine Positionen in diesem Kurs exportieren…</translation>
    </message>
    <message>
        <source>Import an index file…</source>
        <translation>Indexdatei importieren…</translation>
    </message>
    <message>
        <source>Treating client&apos;s:</source>
        <translation>Behandelte Seite:</translation>
    </message>
    <message>
        <source>Show as filmed</source>
        <translation>Wie gefilmt zeigen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>client&apos;s left side</source>
        <extracomment>The keys the window binds to marking (see ui/shortcuts.py); shown in tooltips.</extracomment>
        <translation>linke Seite des Klienten</translation>
    </message>
    <message>
        <source>client&apos;s right side</source>
        <translation>rechte Seite des Klienten</translation>
    </message>
    <message>
        <source>either side</source>
        <translation>beliebige Seite</translation>
    </message>
    <message>
        <source>{course}, lesson {lesson}</source>
        <translation>{course}, Lektion {lesson}</translation>
    </message>
    <message>
        <source>course not in the library</source>
        <translation>Kurs nicht in der Bibliothek</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>bei {time}</translation>
    </message>
    <message>
        <source>hold {seconds} seconds</source>
        <translation>{seconds} Sekunden halten</translation>
    </message>
    <message>
        <source>your own position</source>
        <translation>Ihre eigene Position</translation>
    </message>
    <message>
        <source>watched</source>
        <translation>gesehen</translation>
    </message>
    <message>
        <source>not watched</source>
        <translation>nicht gesehen</translation>
    </message>
    <message>
        <source>practised</source>
        <translation>geübt</translation>
    </message>
    <message>
        <source>lesson not in your library</source>
        <translation>Lektion nicht in Ihrer Bibliothek</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>eigene</translation>
    </message>
    <message>
        <source>Enter lists a region&apos;s positions; → shows its muscles</source>
        <translation>Eingabe listet die Positionen einer Region auf; → zeigt ihre Muskeln</translation>
    </message>
    <message>
        <source>Body map or region list</source>
        <translation>Körperkarte oder Regionenliste</translation>
    </message>
    <message>
        <source>Two ways to choose a region: the figures, or a list</source>
        <translation>Zwei Wege, eine Region zu wählen: die Figuren oder eine Liste</translation>
    </message>
    <message>
        <source>Enter opens the position&apos;s lesson at its start</source>
        <translation>Eingabe öffnet die Lektion der Position an deren Anfang</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Alle Regionen</translation>
    </message>
    <message>
        <source>Every region with its count, and how to add a position</source>
        <translation>Jede Region mit ihrer Anzahl, und wie man eine Position hinzufügt</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Mirror demonstrations of the right side</source>
        <translation>Vorführungen der rechten Seite spiegeln</translation>
    </message>
    <message>
        <source>Treating the client&apos;s left side</source>
        <translation>Behandlung der linken Seite des Klienten</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Mirror demonstrations of the left side</source>
        <translation>Vorführungen der linken Seite spiegeln</translation>
    </message>
    <message>
        <source>Treating the client&apos;s right side</source>
        <translation>Behandlung der rechten Seite des Klienten</translation>
    </message>
    <message>
        <source>As shown</source>
        <translation>Wie gezeigt</translation>
    </message>
    <message>
        <source>Never mirror</source>
        <translation>Nie spiegeln</translation>
    </message>
    <message>
        <source>Takes back your last change to the positions</source>
        <translation>Nimmt Ihre letzte Änderung an den Positionen zurück</translation>
    </message>
    <message>
        <source>Makes the change taken back again</source>
        <translation>Stellt die zurückgenommene Änderung wieder her</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Teilen…</translation>
    </message>
    <message>
        <source>Your positions to a file, or positions from one</source>
        <translation>Ihre Positionen in eine Datei, oder Positionen aus einer</translation>
    </message>
    <message>
        <source>Positioning</source>
        <translation>Lagerung</translation>
    </message>
    <message>
        <source>Techniques</source>
        <translation>Techniken</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n position(s) to {path}.</source>
        <translation>
            <numerusform>%n Position nach {path} exportiert.</numerusform>
            <numerusform>%n Positionen nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a few more letters.</source>
        <translation>Tippen Sie noch ein paar Buchstaben.</translation>
    </message>
    <message>
        <source>No positions found. {hint}</source>
        <translation>Keine Positionen gefunden. {hint}</translation>
    </message>
    <message>
        <source>{count}+ positions</source>
        <translation>{count}+ Positionen</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n Position</numerusform>
            <numerusform>%n Positionen</numerusform>
        </translation>
    </message>
    <message>
        <source>No positions here yet</source>
        <translation>Hier noch keine Positionen</translation>
    </message>
    <message>
        <source>“{title}” is in a lesson that is not in your library any more. Import its course again to watch it.</source>
        <translation>„{title}“ gehört zu einer Lektion, die nicht mehr in Ihrer Bibliothek ist. Importieren Sie den Kurs erneut, um sie anzusehen.</translation>
    </message>
    <message>
        <source>Open a lesson first.</source>
        <translation>Öffnen Sie zuerst eine Lektion.</translation>
    </message>
    <message>
        <source>Saved. Undo to take it back.</source>
        <translation>Gespeichert. Mit „Rückgängig“ zurücknehmen.</translation>
    </message>
    <message>
        <source>Changed. Undo to take it back.</source>
        <translation>Geändert. Mit „Rückgängig“ zurücknehmen.</translation>
    </message>
    <message>
        <source>Start marked at {start_ms}; mark the end ({mark_end_key}).</source>
        <translation>Anfang bei {start_ms} markiert; markieren Sie das Ende ({mark_end_key}).</translation>
    </message>
    <message>
        <source>Open at its start</source>
        <translation>Am Anfang öffnen</translation>
    </message>
    <message>
        <source>Practised</source>
        <translation>Geübt</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted “{title}”. Undo to bring it back.</source>
        <translation>„{title}“ gelöscht. Mit „Rückgängig“ zurückholen.</translation>
    </message>
    <message>
        <source>Open a lesson of the course whose positions you want to export.</source>
        <translation>Öffnen Sie eine Lektion des Kurses, dessen Positionen Sie exportieren möchten.</translation>
    </message>
    <message>
        <source>Export positions</source>
        <translation>Positionen exportieren</translation>
    </message>
    <message>
        <source>Import an index file</source>
        <translation>Indexdatei importieren</translation>
    </message>
    <message>
        <source>Index files (*.json);;All files (*)</source>
        <translation>Indexdateien (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>IndexService</name>
    <message>
        <source>Give the position a title.</source>
        <extracomment>Shorter words are not looked for in titles: &quot;po*&quot; matches most of a large library.</extracomment>
        <translation>Geben Sie der Position einen Titel.</translation>
    </message>
    <message>
        <source>The title is longer than 300 characters.</source>
        <translation>Der Titel ist länger als 300 Zeichen.</translation>
    </message>
    <message>
        <source>Its lesson is not in your library.</source>
        <translation>Ihre Lektion ist nicht in Ihrer Bibliothek.</translation>
    </message>
    <message>
        <source>The start is before the beginning of the lesson.</source>
        <translation>Der Anfang liegt vor dem Beginn der Lektion.</translation>
    </message>
    <message>
        <source>It ends ({end}) before it starts ({start}): mark the end later than the start.</source>
        <translation>Sie endet ({end}), bevor sie beginnt ({start}): Markieren Sie das Ende nach dem Anfang.</translation>
    </message>
    <message>
        <source>It ends at {end}, after the end of the lesson ({duration}).</source>
        <translation>Sie endet bei {end}, nach dem Ende der Lektion ({duration}).</translation>
    </message>
    <message>
        <source>The hold time must be between 1 second and 1 hour.</source>
        <translation>Die Haltezeit muss zwischen 1 Sekunde und 1 Stunde liegen.</translation>
    </message>
    <message>
        <source>Choose the body region it belongs to.</source>
        <translation>Wählen Sie die Körperregion, zu der sie gehört.</translation>
    </message>
    <message>
        <source>It overlaps your position “{title}” ({span}); adjust the times or edit that one.</source>
        <translation>Sie überschneidet sich mit Ihrer Position „{title}“ ({span}); passen Sie die Zeiten an oder bearbeiten Sie jene.</translation>
    </message>
</context>
<context>
    <name>IndexingPanel</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>eigene</translation>
    </message>
    <message>
        <source>course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>chapter</source>
        <translation>Kapitel</translation>
    </message>
    <message>
        <source>M split here · Enter name · L/R/B side · digits hold (s) · Delete join with previous · , . frame step · [ start here · Space play</source>
        <extracomment>digits typed further apart than this start a new hold rather than extend it</extracomment>
        <translation>M hier teilen · Eingabe Name · L/R/B Seite · Ziffern Haltezeit (s) · Entf mit vorheriger verbinden · , . Einzelbild · [ Anfang hier · Leertaste Abspielen</translation>
    </message>
    <message>
        <source>Positions of this lesson</source>
        <extracomment>an operation was refused; the reason is also shown under the table where the last M cut (the frame that was on screen)</extracomment>
        <translation>Positionen dieser Lektion</translation>
    </message>
    <message>
        <source>One row per position: M splits at the playhead, Enter names the row, L, R or B its side</source>
        <translation>Eine Zeile je Position: M teilt an der Abspielstelle, Eingabe benennt die Zeile, L, R oder B ihre Seite</translation>
    </message>
    <message>
        <source>Suggested names</source>
        <translation>Vorgeschlagene Namen</translation>
    </message>
    <message>
        <source>Indexing “{title}”</source>
        <translation>„{title}“ indexieren</translation>
    </message>
    <message>
        <source>Open a lesson to index it</source>
        <translation>Öffnen Sie eine Lektion, um sie zu indexieren</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Starting…</source>
        <extracomment>the job&apos;s result, once it finished</extracomment>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>About {eta_ms} left</source>
        <translation>Noch etwa {eta_ms}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message>
        <source>Cancelled. Nothing half-done was kept.</source>
        <translation>Abgebrochen. Nichts Halbfertiges wurde behalten.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>{good} of %n file(s) are intact.</source>
        <translation>
            <numerusform>{good} von %n Datei ist in Ordnung.</numerusform>
            <numerusform>{good} von %n Dateien sind in Ordnung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported “{title}”: %n lesson(s).</source>
        <translation>
            <numerusform>„{title}“ importiert: %n Lektion.</numerusform>
            <numerusform>„{title}“ importiert: %n Lektionen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped {path}: {reason}</source>
        <translation>Übersprungen: {path}: {reason}</translation>
    </message>
    <message>
        <source>Damaged: {problem}</source>
        <translation>Beschädigt: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>Found %n lesson(s) in {path}.</source>
        <translation>
            <numerusform>%n Lektion in {path} gefunden.</numerusform>
            <numerusform>%n Lektionen in {path} gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found: {title}</source>
        <translation>Nicht gefunden: {title}</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>The language changes when smrtplayer starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von smrtplayer.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Drop a course folder, a .zip or video files here to add them.</source>
        <extracomment>&quot;Import a course…&quot; on the invitation: the window asks which zip or videos asks the user to confirm a removal; replaced in tests</extracomment>
        <translation>Ziehen Sie einen Kursordner, eine .zip-Datei oder Videodateien hierher, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Add a course folder…</source>
        <translation>Kursordner hinzufügen…</translation>
    </message>
    <message>
        <source>Imports the videos of a folder as a course</source>
        <translation>Importiert die Videos eines Ordners als Kurs</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>A card per course, with its progress; Enter opens it</source>
        <translation>Eine Karte je Kurs, mit Fortschritt; Eingabe öffnet ihn</translation>
    </message>
    <message>
        <source>Adding a course</source>
        <translation>Kurs wird hinzugefügt</translation>
    </message>
    <message>
        <source>Where is the folder of “{title}” now?</source>
        <translation>Wo liegt der Ordner von „{title}“ jetzt?</translation>
    </message>
    <message>
        <source>Looking for the lessons</source>
        <translation>Lektionen werden gesucht</translation>
    </message>
    <message>
        <source>Remove “{title}”?</source>
        <translation>„{title}“ entfernen?</translation>
    </message>
    <message>
        <source>Choose a course folder (or a DVD&apos;s VIDEO_TS folder)</source>
        <translation>Kursordner wählen (oder den VIDEO_TS-Ordner einer DVD)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Your progress, notes and positions are kept and come back if you add the course again.</source>
        <translation>Ihr Fortschritt, Ihre Notizen und Positionen bleiben erhalten und kommen zurück, wenn Sie den Kurs wieder hinzufügen.</translation>
    </message>
    <message>
        <source>Its copy in the library ({path}) will be deleted. The files you added it from are not touched. {kept}</source>
        <translation>Seine Kopie in der Bibliothek ({path}) wird gelöscht. Die Dateien, aus denen Sie ihn hinzugefügt haben, bleiben unberührt. {kept}</translation>
    </message>
    <message>
        <source>Linked files are never deleted: the videos stay where they are ({path}). Only the library entry is removed. {kept}</source>
        <translation>Verknüpfte Dateien werden nie gelöscht: Die Videos bleiben, wo sie sind ({path}). Nur der Bibliothekseintrag wird entfernt. {kept}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Courses</source>
        <extracomment>more controls than any window has: Tab gives up passing over hidden ones after this many</extracomment>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>Choosing a course lists its lessons below</source>
        <translation>Die Wahl eines Kurses listet darunter seine Lektionen</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Enter plays the lesson where you stopped</source>
        <translation>Eingabe spielt die Lektion ab der Stelle, an der Sie aufgehört haben</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Opens the lesson you watched last, where you stopped</source>
        <translation>Öffnet die zuletzt gesehene Lektion an der Stelle, an der Sie aufgehört haben</translation>
    </message>
    <message>
        <source>The lesson&apos;s picture; the player&apos;s keys work here (Space plays, ? lists them)</source>
        <translation>Das Bild der Lektion; hier gelten die Tasten des Players (Leertaste spielt, ? listet sie)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>Play the next lesson after a countdown</source>
        <translation>Nächste Lektion nach einem Countdown abspielen</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Lernen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Lessons panel</source>
        <translation>Lektionsbereich</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About smrtplayer</source>
        <translation>Ü&amp;ber smrtplayer</translation>
    </message>
    <message>
        <source>Opens the lesson&apos;s file again</source>
        <translation>Öffnet die Datei der Lektion erneut</translation>
    </message>
    <message>
        <source>The course was moved: show where its folder is now</source>
        <translation>Der Kurs wurde verschoben: zeigen, wo sein Ordner jetzt liegt</translation>
    </message>
    <message>
        <source>Compares the course&apos;s files with what it lists</source>
        <translation>Prüft die Dateien des Kurses gegen sein Verzeichnis</translation>
    </message>
    <message>
        <source>Leaves this lesson and opens the next</source>
        <translation>Verlässt diese Lektion und öffnet die nächste</translation>
    </message>
    <message>
        <source>Starts the next lesson without waiting</source>
        <translation>Startet die nächste Lektion ohne zu warten</translation>
    </message>
    <message>
        <source>Stays on this lesson</source>
        <translation>Bleibt bei dieser Lektion</translation>
    </message>
    <message>
        <source>No courses yet.</source>
        <translation>Noch keine Kurse.</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(Demo)</translation>
    </message>
    <message>
        <source>[missing]</source>
        <translation>[fehlt]</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n Lektion</numerusform>
            <numerusform>%n Lektionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Other lessons</source>
        <translation>Weitere Lektionen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Open the lesson you watched last, where you stopped (Ctrl+R)</source>
        <translation>Die zuletzt gesehene Lektion dort öffnen, wo Sie aufgehört haben (Strg+R)</translation>
    </message>
    <message>
        <source>▶  Continue: {title} at {clock_text}</source>
        <translation>▶  Weiter: {title} bei {clock_text}</translation>
    </message>
    <message>
        <source>{title} — smrtplayer</source>
        <translation>{title} – smrtplayer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Where is the folder of “{title}” now?</source>
        <translation>Wo liegt der Ordner von „{title}“ jetzt?</translation>
    </message>
    <message>
        <source>Looking for the lessons…</source>
        <translation>Lektionen werden gesucht…</translation>
    </message>
    <message>
        <source>Speed {rate}</source>
        <translation>Tempo {rate}</translation>
    </message>
    <message>
        <source>Loop {a_ms}–{b_ms}{passes}</source>
        <translation>Schleife {a_ms}–{b_ms}{passes}</translation>
    </message>
    <message>
        <source>Loop from {a_ms}: press B</source>
        <translation>Schleife ab {a_ms}: B drücken</translation>
    </message>
    <message>
        <source>The loop&apos;s end must come after its start</source>
        <translation>Das Ende der Schleife muss nach ihrem Anfang liegen</translation>
    </message>
    <message>
        <source>Loop end set</source>
        <translation>Schleifenende gesetzt</translation>
    </message>
    <message>
        <source>This lesson has no positions to loop</source>
        <translation>Diese Lektion hat keine Positionen zum Wiederholen</translation>
    </message>
    <message>
        <source>Looping this position</source>
        <translation>Diese Position in Schleife</translation>
    </message>
    <message>
        <source>Next: {title}
starts in {remaining_s} s</source>
        <translation>Als Nächstes: {title}
beginnt in {remaining_s} s</translation>
    </message>
    <message>
        <source>Subtitles {scale} %</source>
        <translation>Untertitel {scale} %</translation>
    </message>
    <message>
        <source>Nothing captured</source>
        <translation>Kein Standbild aufgenommen</translation>
    </message>
    <message>
        <source>Frame captured</source>
        <translation>Standbild aufgenommen</translation>
    </message>
    <message>
        <source>Saved to {path} and copied to the clipboard.</source>
        <translation>In {path} gespeichert und in die Zwischenablage kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>Found: %n lesson(s) relinked in {folder}</source>
        <translation>
            <numerusform>Gefunden: %n Lektion in {folder} neu verknüpft</numerusform>
            <numerusform>Gefunden: %n Lektionen in {folder} neu verknüpft</numerusform>
        </translation>
    </message>
    <message>
        <source>; {count} still missing</source>
        <translation>; {count} fehlen noch</translation>
    </message>
</context>
<context>
    <name>Mirror</name>
    <message>
        <source>MIRRORED for client&apos;s RIGHT (demonstrated on LEFT)</source>
        <translation>GESPIEGELT für Klient rechts (vorgeführt links)</translation>
    </message>
    <message>
        <source>MIRRORED for client&apos;s LEFT (demonstrated on RIGHT)</source>
        <translation>GESPIEGELT für Klient links (vorgeführt rechts)</translation>
    </message>
    <message>
        <source>Client&apos;s LEFT</source>
        <translation>Klient LINKS</translation>
    </message>
    <message>
        <source>Client&apos;s RIGHT</source>
        <translation>Klient RECHTS</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>No time</source>
        <translation>Ohne Zeit</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>Ab hier abspielen</translation>
    </message>
    <message>
        <source>Pin this note to a time or a position</source>
        <translation>Diese Notiz an eine Zeit oder Position heften</translation>
    </message>
    <message>
        <source>Delete this note (you can undo it)</source>
        <translation>Diese Notiz löschen (lässt sich rückgängig machen)</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Pin to the current time ({clock_text})</source>
        <translation>An die aktuelle Zeit heften ({clock_text})</translation>
    </message>
    <message>
        <source>Pin to a position</source>
        <translation>An eine Position heften</translation>
    </message>
    <message>
        <source>Remove the pin</source>
        <translation>Zeitbezug entfernen</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Write in Markdown: **bold**, - lists. @1:23 links to a time; {tostring} inserts the current one. Saved as you type.</source>
        <translation>Schreiben Sie in Markdown: **fett**, - Listen. @1:23 verweist auf eine Zeit; {tostring} fügt die aktuelle ein. Wird beim Tippen gespeichert.</translation>
    </message>
</context>
<context>
    <name>NoteView</name>
    <message>
        <source>Empty note: click to write.</source>
        <translation>Leere Notiz: zum Schreiben klicken.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <extracomment>the user clicked a time (a note&apos;s pin or an ``@m:ss`` link): the window seeks the player the times to mark on the seek bar for the open lesson (sorted ms)</extracomment>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>+ Note at current time</source>
        <translation>+ Notiz zur aktuellen Zeit</translation>
    </message>
    <message>
        <source>A pinned note linked to the time on screen</source>
        <translation>Eine angeheftete Notiz zur Zeit auf dem Bildschirm</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Saves this course&apos;s notes as a file</source>
        <translation>Speichert die Notizen dieses Kurses als Datei</translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation>Notizen exportieren</translation>
    </message>
    <message>
        <source>This lesson as Markdown…</source>
        <translation>Diese Lektion als Markdown…</translation>
    </message>
    <message>
        <source>This lesson as PDF…</source>
        <translation>Diese Lektion als PDF…</translation>
    </message>
    <message>
        <source>The whole course as Markdown…</source>
        <translation>Den ganzen Kurs als Markdown…</translation>
    </message>
    <message>
        <source>The whole course as PDF…</source>
        <translation>Den ganzen Kurs als PDF…</translation>
    </message>
    <message>
        <source>Notes of this lesson</source>
        <translation>Notizen dieser Lektion</translation>
    </message>
    <message>
        <source>Your notes, newest last; Tab moves through them</source>
        <translation>Ihre Notizen, die neueste zuletzt; Tab geht durch sie hindurch</translation>
    </message>
    <message>
        <source>New note at the current time</source>
        <translation>Neue Notiz zur aktuellen Zeit</translation>
    </message>
    <message>
        <source>New note without a time</source>
        <translation>Neue Notiz ohne Zeit</translation>
    </message>
    <message>
        <source>Insert the current time</source>
        <translation>Aktuelle Zeit einfügen</translation>
    </message>
    <message>
        <source>Notes are read-only: {read_only_reason}.</source>
        <translation>Notizen sind schreibgeschützt: {read_only_reason}.</translation>
    </message>
    <message>
        <source>Open a lesson to see its notes.</source>
        <translation>Öffnen Sie eine Lektion, um ihre Notizen zu sehen.</translation>
    </message>
    <message>
        <source>No notes for this lesson yet.
Press {new_note_keys} (or “Note at current time”) while watching to write one, pinned to the moment on screen.</source>
        <translation>Zu dieser Lektion gibt es noch keine Notizen.
Drücken Sie beim Ansehen {new_note_keys} (oder „Notiz zur aktuellen Zeit“), um eine zu schreiben, geheftet an den gezeigten Moment.</translation>
    </message>
    <message>
        <source>an empty note</source>
        <translation>eine leere Notiz</translation>
    </message>
    <message>
        <source>Deleted “{preview}”.</source>
        <translation>„{preview}“ gelöscht.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Open a lesson first.</source>
        <translation>Öffnen Sie zuerst eine Lektion.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>the “new note” key</source>
        <translation>die Taste für „Neue Notiz“</translation>
    </message>
    <message>
        <source>course notes</source>
        <translation>Kursnotizen</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Notes exported to {written}.</source>
        <translation>Notizen nach {written} exportiert.</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>heute {time}</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Hold (s)</source>
        <translation>Halten (s)</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Each step right, then left</source>
        <translation>Jeder Schritt rechts, dann links</translation>
    </message>
    <message>
        <source>All right, then all left</source>
        <translation>Alle rechts, dann alle links</translation>
    </message>
    <message>
        <source>course removed</source>
        <extracomment>what the Video column says of a step&apos;s lesson</extracomment>
        <translation>Kurs entfernt</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Treatment plans</source>
        <translation>Behandlungspläne</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Choosing a plan shows its steps</source>
        <translation>Die Wahl eines Plans zeigt seine Schritte</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Name of the plan</source>
        <translation>Name des Plans</translation>
    </message>
    <message>
        <source>Notes for the handout (optional)</source>
        <translation>Notizen für das Handout (freiwillig)</translation>
    </message>
    <message>
        <source>Printed under the plan&apos;s steps</source>
        <translation>Unter den Schritten des Plans gedruckt</translation>
    </message>
    <message>
        <source>Shown in the list and on the handout</source>
        <translation>In der Liste und auf dem Handzettel gezeigt</translation>
    </message>
    <message>
        <source>Steps of the plan</source>
        <translation>Schritte des Plans</translation>
    </message>
    <message>
        <source>In the order they run; F2 renames a step</source>
        <translation>In der Reihenfolge des Ablaufs; F2 benennt einen Schritt um</translation>
    </message>
    <message>
        <source>Add positions…</source>
        <translation>Positionen hinzufügen…</translation>
    </message>
    <message>
        <source>Add rest…</source>
        <translation>Ruhe hinzufügen…</translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation>Schritt hinzufügen…</translation>
    </message>
    <message>
        <source>A roll, a rest on a tender spot, passes, a reminder, a recheck: from a preset or a structure</source>
        <translation>Rollen, Verweilen auf einem Druckpunkt, Durchgänge, eine Erinnerung, ein Nachtest: aus einer Vorgabe oder einer Struktur</translation>
    </message>
    <message>
        <source>From a template…</source>
        <translation>Aus einer Vorlage…</translation>
    </message>
    <message>
        <source>Order of the sides</source>
        <translation>Reihenfolge der Seiten</translation>
    </message>
    <message>
        <source>Which side each step treats first</source>
        <translation>Welche Seite jeder Schritt zuerst behandelt</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Run in table mode</source>
        <translation>Im Liegenmodus ausführen</translation>
    </message>
    <message>
        <source>Export handout (PDF)…</source>
        <translation>Handout exportieren (PDF)…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>Move the plan up</source>
        <translation>Plan nach oben</translation>
    </message>
    <message>
        <source>Move the plan down</source>
        <translation>Plan nach unten</translation>
    </message>
    <message>
        <source>An empty plan</source>
        <translation>Ein leerer Plan</translation>
    </message>
    <message>
        <source>A copy of the chosen plan, to change</source>
        <translation>Eine Kopie des gewählten Plans, zum Ändern</translation>
    </message>
    <message>
        <source>Deletes the chosen plan, after asking</source>
        <translation>Löscht den gewählten Plan nach Rückfrage</translation>
    </message>
    <message>
        <source>Earlier in the list of plans</source>
        <translation>Weiter vorn in der Liste der Pläne</translation>
    </message>
    <message>
        <source>Later in the list of plans</source>
        <translation>Weiter hinten in der Liste der Pläne</translation>
    </message>
    <message>
        <source>Positions from your courses, each a step</source>
        <translation>Positionen aus Ihren Kursen, jede ein Schritt</translation>
    </message>
    <message>
        <source>A pause between steps</source>
        <translation>Eine Ruhephase zwischen Schritten</translation>
    </message>
    <message>
        <source>A plan to start from, built in</source>
        <translation>Ein eingebauter Plan als Ausgangspunkt</translation>
    </message>
    <message>
        <source>Takes the chosen step out of the plan</source>
        <translation>Nimmt den gewählten Schritt aus dem Plan</translation>
    </message>
    <message>
        <source>The chosen step runs earlier</source>
        <translation>Der gewählte Schritt läuft früher</translation>
    </message>
    <message>
        <source>The chosen step runs later</source>
        <translation>Der gewählte Schritt läuft später</translation>
    </message>
    <message>
        <source>Keeps the plan&apos;s changes</source>
        <translation>Speichert die Änderungen des Plans</translation>
    </message>
    <message>
        <source>Runs the plan&apos;s steps full screen, one after the other</source>
        <translation>Führt die Schritte des Plans im Vollbild nacheinander aus</translation>
    </message>
    <message>
        <source>A PDF of the plan to give the client</source>
        <translation>Ein PDF des Plans für den Klienten</translation>
    </message>
    <message>
        <source>The handout on paper</source>
        <translation>Der Handzettel auf Papier</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <translation>Unbenannter Plan</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Neuer Plan</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>Plan löschen</translation>
    </message>
    <message>
        <source>Delete the plan “{title}”? Its practice log stays.</source>
        <translation>Den Plan „{title}“ löschen? Sein Übungsprotokoll bleibt erhalten.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>A plan needs a name.</source>
        <translation>Ein Plan braucht einen Namen.</translation>
    </message>
    <message>
        <source>Add positions from any course, then rests between them if wanted.</source>
        <translation>Fügen Sie Positionen aus beliebigen Kursen hinzu, dann nach Wunsch Ruhephasen dazwischen.</translation>
    </message>
    <message numerus="yes">
        <source>; %n step(s) without a playable lesson</source>
        <translation>
            <numerusform>; %n Schritt ohne abspielbare Lektion</numerusform>
            <numerusform>; %n Schritte ohne abspielbare Lektion</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot add this rest</source>
        <translation>Diese Ruhephase kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>New plan from a template</source>
        <translation>Neuer Plan aus einer Vorlage</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Add rest</source>
        <translation>Ruhe hinzufügen</translation>
    </message>
    <message>
        <source>Rest (seconds):</source>
        <translation>Ruhe (Sekunden):</translation>
    </message>
    <message>
        <source>Cannot run this plan</source>
        <translation>Dieser Plan kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Cannot export this plan</source>
        <translation>Dieser Plan kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Export handout</source>
        <translation>Handout exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Handout written to {path}</source>
        <translation>Handout nach {path} geschrieben</translation>
    </message>
    <message>
        <source>Cannot print this plan</source>
        <translation>Dieser Plan kann nicht gedruckt werden</translation>
    </message>
</context>
<context>
    <name>PlanWording</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n timed holds and rests)</source>
        <translation>
            <numerusform> (%n zeitgesteuerte Halte- oder Ruhephase)</numerusform>
            <numerusform> (%n zeitgesteuerte Halte- und Ruhephasen)</numerusform>
        </translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>etwa {minutes} min</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}{side}: tenderness {before} → {after} ({percent} % less)</source>
        <translation>{title}{side}: Druckschmerz {before} → {after} ({percent} % weniger)</translation>
    </message>
</context>
<context>
    <name>PositionForm</name>
    <message>
        <source>Edit position</source>
        <translation>Position bearbeiten</translation>
    </message>
    <message>
        <source>New position</source>
        <translation>Neue Position</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Body region</source>
        <translation>Körperregion</translation>
    </message>
    <message>
        <source>Choose a region…</source>
        <translation>Region wählen…</translation>
    </message>
    <message>
        <source>Muscles and structures, separated by commas</source>
        <translation>Muskeln und Strukturen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>e.g. gluteus medius, TFL</source>
        <translation>z. B. gluteus medius, TFL</translation>
    </message>
    <message>
        <source>Client&apos;s left</source>
        <translation>Klient links</translation>
    </message>
    <message>
        <source>Client&apos;s right</source>
        <translation>Klient rechts</translation>
    </message>
    <message>
        <source>Both / either</source>
        <translation>Beide / beliebig</translation>
    </message>
    <message>
        <source>Client position</source>
        <translation>Lagerung des Klienten</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Hold time in seconds; 0 for none</source>
        <translation>Haltezeit in Sekunden; 0 für keine</translation>
    </message>
    <message>
        <source>no hold time</source>
        <translation>keine Haltezeit</translation>
    </message>
    <message>
        <source>Lesson: {lesson_title}</source>
        <translation>Lektion: {lesson_title}</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <source>&amp;Muscles</source>
        <translation>&amp;Muskeln</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>&amp;Client position</source>
        <translation>&amp;Lagerung</translation>
    </message>
    <message>
        <source>Tech&amp;nique</source>
        <translation>Tech&amp;nik</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Haltezeit</translation>
    </message>
    <message>
        <source>The demonstration treats the client&apos;s left side</source>
        <translation>Die Demonstration behandelt die linke Seite des Klienten</translation>
    </message>
    <message>
        <source>The demonstration treats the client&apos;s right side</source>
        <translation>Die Demonstration behandelt die rechte Seite des Klienten</translation>
    </message>
    <message>
        <source>Either side, or both at once</source>
        <translation>Beliebige Seite oder beide zugleich</translation>
    </message>
    <message>
        <source>How the position is listed and searched</source>
        <translation>Wie die Position gelistet und gesucht wird</translation>
    </message>
    <message>
        <source>Where the position starts in the lesson</source>
        <translation>Wo die Position in der Lektion beginnt</translation>
    </message>
    <message>
        <source>Where it ends; the loop plays from start to end</source>
        <translation>Wo sie endet; die Schleife spielt von Anfang bis Ende</translation>
    </message>
    <message>
        <source>Where on the body map the position is listed</source>
        <translation>Wo auf der Körperkarte die Position gelistet wird</translation>
    </message>
    <message>
        <source>How the client lies or sits</source>
        <translation>Wie der Klient liegt oder sitzt</translation>
    </message>
    <message>
        <source>SMRT, counterstrain, Active Release…</source>
        <translation>SMRT, Counterstrain, Active Release…</translation>
    </message>
    <message>
        <source>The hold timer&apos;s length for this position</source>
        <translation>Die Dauer des Halte-Timers für diese Position</translation>
    </message>
    <message>
        <source>Keeps the position</source>
        <translation>Speichert die Position</translation>
    </message>
    <message>
        <source>Closes without keeping it</source>
        <translation>Schließt, ohne sie zu speichern</translation>
    </message>
    <message>
        <source>{name}, in seconds</source>
        <translation>{name}, in Sekunden</translation>
    </message>
</context>
<context>
    <name>PositionPicker</name>
    <message>
        <source>Add positions</source>
        <translation>Positionen hinzufügen</translation>
    </message>
    <message>
        <source>Positions by course and lesson</source>
        <translation>Positionen nach Kurs und Lektion</translation>
    </message>
    <message>
        <source>Tick the positions to add, in the order wanted</source>
        <translation>Die hinzuzufügenden Positionen in der gewünschten Reihenfolge ankreuzen</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Filter: piriformis, psoas…</source>
        <translation>Filter: piriformis, psoas…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Adds the ticked positions to the plan, in the order ticked</source>
        <translation>Fügt die angekreuzten Positionen in der Reihenfolge des Ankreuzens zum Plan hinzu</translation>
    </message>
    <message>
        <source>Closes without adding anything</source>
        <translation>Schließt, ohne etwas hinzuzufügen</translation>
    </message>
</context>
<context>
    <name>PracticeLogView</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>  under 70 %</source>
        <translation>  unter 70 %</translation>
    </message>
    <message>
        <source>Practice log</source>
        <translation>Übungsprotokoll</translation>
    </message>
    <message>
        <source>Holds done</source>
        <translation>Durchgeführte Haltephasen</translation>
    </message>
    <message>
        <source>With the side, the time held and the tenderness</source>
        <translation>Mit Seite, gehaltener Zeit und Druckschmerz</translation>
    </message>
    <message>
        <source>Tenderness…</source>
        <translation>Druckschmerz…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Session summary (PDF)…</source>
        <translation>Sitzungszusammenfassung (PDF)…</translation>
    </message>
    <message>
        <source>Delete this client&apos;s data…</source>
        <translation>Daten dieses Klienten löschen…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Changes the tenderness recorded for the chosen hold</source>
        <translation>Ändert den erfassten Druckschmerz der gewählten Haltephase</translation>
    </message>
    <message>
        <source>Deletes the chosen hold from the log</source>
        <translation>Löscht die gewählte Haltephase aus dem Protokoll</translation>
    </message>
    <message>
        <source>A PDF of the chosen session&apos;s holds</source>
        <translation>Ein PDF der Haltephasen der gewählten Sitzung</translation>
    </message>
    <message>
        <source>Deletes every session of the chosen client, after asking</source>
        <translation>Löscht nach Rückfrage jede Sitzung des gewählten Klienten</translation>
    </message>
    <message>
        <source>The log as a spreadsheet file</source>
        <translation>Das Protokoll als Tabellendatei</translation>
    </message>
    <message>
        <source>Closes this window</source>
        <translation>Schließt dieses Fenster</translation>
    </message>
    <message>
        <source>no client label</source>
        <translation>ohne Klientenbezeichnung</translation>
    </message>
    <message>
        <source>Session {started} — {label}</source>
        <translation>Sitzung {started} – {label}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>vorzeitig beendet</translation>
    </message>
    <message>
        <source>Save the session summary</source>
        <translation>Sitzungszusammenfassung speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Summary not saved</source>
        <translation>Zusammenfassung nicht gespeichert</translation>
    </message>
    <message>
        <source>The summary could not be written to {path}: {error}</source>
        <translation>Die Zusammenfassung konnte nicht nach {path} geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>Session summary written to {written}</source>
        <translation>Sitzungszusammenfassung nach {written} geschrieben</translation>
    </message>
    <message>
        <source>Delete this client&apos;s data</source>
        <translation>Daten dieses Klienten löschen</translation>
    </message>
    <message>
        <source>Delete every session with “{client_label}” and everything logged in them? This cannot be undone.</source>
        <translation>Alle Sitzungen mit „{client_label}“ und alles darin Protokollierte löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Nothing deleted</source>
        <translation>Nichts gelöscht</translation>
    </message>
    <message>
        <source>Deleted {sessions} session(s) and {rows} log entries of this client.</source>
        <translation>{sessions} Sitzung(en) und {rows} Protokolleinträge dieses Klienten gelöscht.</translation>
    </message>
    <message>
        <source>These backups still hold them; delete them in File &gt; Backups if they must go too:</source>
        <translation>Diese Sicherungen enthalten sie noch; löschen Sie sie unter Datei &gt; Sicherungen, wenn auch sie weg müssen:</translation>
    </message>
    <message>
        <source>No backup holds them.</source>
        <translation>Keine Sicherung enthält sie.</translation>
    </message>
    <message>
        <source>Client data deleted</source>
        <translation>Klientendaten gelöscht</translation>
    </message>
    <message>
        <source>No holds yet. Every hold you finish or stop is written here.</source>
        <translation>Noch keine Haltephasen. Jede Haltephase, die Sie beenden oder abbrechen, wird hier eingetragen.</translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s), {finished} held to the end</source>
        <translation>
            <numerusform>%n Haltephase, {finished} bis zum Ende gehalten</numerusform>
            <numerusform>%n Haltephasen, {finished} bis zum Ende gehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>; tenderness down {average} points on average ({rated} rated)</source>
        <translation>; Druckschmerz im Mittel um {average} Punkte gesunken ({rated} bewertet)</translation>
    </message>
    <message>
        <source>Delete this hold from the log?</source>
        <translation>Diese Haltephase aus dem Protokoll löschen?</translation>
    </message>
    <message>
        <source>Export practice log</source>
        <translation>Übungsprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The log could not be written to {path}: {strerror}.</source>
        <translation>Das Protokoll konnte nicht nach {path} geschrieben werden: {strerror}.</translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s) written to {path}</source>
        <translation>
            <numerusform>%n Haltephase nach {path} geschrieben</numerusform>
            <numerusform>%n Haltephasen nach {path} geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>SMRT 20 s</source>
        <translation>SMRT 20 s</translation>
    </message>
    <message>
        <source>SMRT 30 s</source>
        <translation>SMRT 30 s</translation>
    </message>
    <message>
        <source>SMRT 45 s</source>
        <translation>SMRT 45 s</translation>
    </message>
    <message>
        <source>Strain-Counterstrain 90 s</source>
        <translation>Strain-Counterstrain 90 s</translation>
    </message>
    <message>
        <source>Strain-Counterstrain, ribs 120 s</source>
        <translation>Strain-Counterstrain, Rippen 120 s</translation>
    </message>
    <message>
        <source>Positional release 90 s</source>
        <translation>Positional Release 90 s</translation>
    </message>
    <message>
        <source>Foam rolling 60 s per muscle</source>
        <translation>Faszienrolle 60 s pro Muskel</translation>
    </message>
    <message>
        <source>Foam rolling 90 s per muscle</source>
        <translation>Faszienrolle 90 s pro Muskel</translation>
    </message>
    <message>
        <source>Foam rolling 120 s per muscle</source>
        <translation>Faszienrolle 120 s pro Muskel</translation>
    </message>
    <message>
        <source>Foam roller: rest on a tender spot 30 s</source>
        <translation>Faszienrolle auf Druckpunkt 30 s</translation>
    </message>
    <message>
        <source>Foam roller: rest on a tender spot 45 s</source>
        <translation>Faszienrolle auf Druckpunkt 45 s</translation>
    </message>
    <message>
        <source>A hold</source>
        <translation>Eine Haltephase</translation>
    </message>
    <message>
        <source>{what} of {duration} is not possible: choose a duration between {shortest} and {longest}.</source>
        <translation>{what} von {duration} ist nicht möglich: Wählen Sie eine Dauer zwischen {shortest} und {longest}.</translation>
    </message>
    <message>
        <source>{what} of {duration} is too short to be useful: the shortest is {shortest}.</source>
        <translation>{what} von {duration} ist zu kurz, um zu nützen: Die kürzeste Dauer ist {shortest}.</translation>
    </message>
    <message>
        <source>{what} of {duration} is far longer than any technique uses: the longest is {longest}. Check the number (seconds, not milliseconds?).</source>
        <translation>{what} von {duration} ist weit länger, als irgendeine Technik es braucht: Die längste Dauer ist {longest}. Prüfen Sie die Zahl (Sekunden, nicht Millisekunden?).</translation>
    </message>
    <message>
        <source>“{text}” is not a duration. Type seconds (30), minutes and seconds (1:30) or minutes (2 min).</source>
        <translation>„{text}“ ist keine Dauer. Geben Sie Sekunden (30), Minuten und Sekunden (1:30) oder Minuten (2 min) ein.</translation>
    </message>
    <message>
        <source>A rest</source>
        <extracomment>Words of a position&apos;s name that say its side: &quot;Gluteus medius, client&apos;s left&quot; and &quot;Gluteus medius (R)&quot; name the same structure.</extracomment>
        <translation>Eine Ruhephase</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Head &amp; Neck</source>
        <translation>Kopf &amp; Nacken</translation>
    </message>
    <message>
        <source>Shoulder &amp; Axilla</source>
        <translation>Schulter &amp; Achsel</translation>
    </message>
    <message>
        <source>Arm &amp; Hand</source>
        <translation>Arm &amp; Hand</translation>
    </message>
    <message>
        <source>Upper Back</source>
        <translation>Oberer Rücken</translation>
    </message>
    <message>
        <source>Ribcage</source>
        <translation>Brustkorb</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Bauch</translation>
    </message>
    <message>
        <source>Back &amp; Spine</source>
        <translation>Rücken &amp; Wirbelsäule</translation>
    </message>
    <message>
        <source>Lower Back</source>
        <translation>Unterer Rücken</translation>
    </message>
    <message>
        <source>Hips &amp; Sacrum</source>
        <translation>Hüfte &amp; Kreuzbein</translation>
    </message>
    <message>
        <source>Pelvic Floor</source>
        <translation>Beckenboden</translation>
    </message>
    <message>
        <source>Thighs &amp; Knees</source>
        <translation>Oberschenkel &amp; Knie</translation>
    </message>
    <message>
        <source>Lower Leg &amp; Feet</source>
        <translation>Unterschenkel &amp; Füße</translation>
    </message>
    <message>
        <source>Laterally Recumbent</source>
        <translation>Seitenlage</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Schwangerschaft</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>client&apos;s left side</source>
        <translation>linke Seite des Klienten</translation>
    </message>
    <message>
        <source>client&apos;s right side</source>
        <translation>rechte Seite des Klienten</translation>
    </message>
    <message>
        <source>either side</source>
        <translation>beliebige Seite</translation>
    </message>
    <message>
        <source>Search notes, lessons and positions</source>
        <extracomment>open this result&apos;s lesson at its time (the window plays it)</extracomment>
        <translation>Notizen, Lektionen und Positionen durchsuchen</translation>
    </message>
    <message>
        <source>Search notes, lessons, positions, muscles…</source>
        <translation>Notizen, Lektionen, Positionen, Muskeln suchen…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Enter opens the lesson at the time found</source>
        <translation>Eingabe öffnet die Lektion an der gefundenen Zeit</translation>
    </message>
    <message>
        <source>Type a word, a muscle or a region; every word must match (the start of it).</source>
        <translation>Geben Sie ein Wort, einen Muskel oder eine Region ein; jedes Wort muss passen (sein Anfang genügt).</translation>
    </message>
    <message>
        <source>Nothing found for “{strip}”.</source>
        <translation>Nichts gefunden für „{strip}“.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source> (many notes match: the best of the newest are shown; add a word to narrow it)</source>
        <translation> (viele Notizen passen: Die besten der neuesten werden gezeigt; ein weiteres Wort grenzt ein)</translation>
    </message>
    <message>
        <source>{count}. Enter opens the lesson.</source>
        <translation>{count}. Eingabe öffnet die Lektion.</translation>
    </message>
    <message>
        <source>That lesson is not in your library. Add its course (or relink it) to open it; the note is kept.</source>
        <translation>Diese Lektion ist nicht in Ihrer Bibliothek. Fügen Sie ihren Kurs hinzu (oder verknüpfen Sie ihn neu), um sie zu öffnen; die Notiz bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>SeekBar</name>
    <message>
        <source>Seek</source>
        <translation>Springen</translation>
    </message>
    <message>
        <source>Length {length}</source>
        <translation>Länge {length}</translation>
    </message>
    <message>
        <source>Positions: {marks}</source>
        <translation>Positionen: {marks}</translation>
    </message>
    <message>
        <source>Loop {start}–{end}</source>
        <translation>Schleife {start}–{end}</translation>
    </message>
    <message>
        <source>Notes at {times}</source>
        <translation>Notizen bei {times}</translation>
    </message>
</context>
<context>
    <name>ShortcutBindings</name>
    <message>
        <source>The keys could not be saved to {path}: {reason}. They work until smrtplayer closes.</source>
        <extracomment>the keymap file could not be written (the reason, for the user) why the stored keymap could not be read (None: it was fine)</extracomment>
        <translation>Die Tasten konnten nicht in {path} gespeichert werden: {reason}. Sie gelten, bis smrtplayer geschlossen wird.</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every action has a key, and table mode obeys the same keys (its last column says what a key does there). To change one, select it, click “Add key” and press the new key (a foot pedal&apos;s or a clicker&apos;s key works too). A key taken from another action is moved here.</source>
        <translation>Jede Aktion hat eine Taste, und der Liegenmodus gehorcht denselben Tasten (die letzte Spalte sagt, was eine Taste dort tut). Zum Ändern die Aktion auswählen, auf „Taste hinzufügen“ klicken und die neue Taste drücken (die Taste eines Fußpedals oder Presenters geht auch). Eine Taste, die einer anderen Aktion gehörte, wird hierher verschoben.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>In table mode</source>
        <translation>Im Liegenmodus</translation>
    </message>
    <message>
        <source>Actions and their keys</source>
        <translation>Aktionen und ihre Tasten</translation>
    </message>
    <message>
        <source>Choose an action, then Add key or Remove keys below</source>
        <translation>Eine Aktion wählen, dann unten „Taste hinzufügen“ oder „Tasten entfernen“</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neue Taste</translation>
    </message>
    <message>
        <source>Press the key (or the pedal) for the chosen action</source>
        <translation>Die Taste (oder das Pedal) für die gewählte Aktion drücken</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Taste hinzufügen</translation>
    </message>
    <message>
        <source>Remove keys</source>
        <translation>Tasten entfernen</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>All defaults</source>
        <translation>Alle auf Standard</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Waits for a key (or a pedal) to give the chosen action</source>
        <translation>Wartet auf eine Taste (oder ein Pedal) für die gewählte Aktion</translation>
    </message>
    <message>
        <source>The chosen action keeps no key</source>
        <translation>Die gewählte Aktion behält keine Taste</translation>
    </message>
    <message>
        <source>The chosen action gets its first keys back</source>
        <translation>Die gewählte Aktion erhält ihre ursprünglichen Tasten zurück</translation>
    </message>
    <message>
        <source>Every action gets its first keys back</source>
        <translation>Jede Aktion erhält ihre ursprünglichen Tasten zurück</translation>
    </message>
    <message>
        <source>Closes this list; the keys are already saved</source>
        <translation>Schließt diese Liste; die Tasten sind schon gespeichert</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>Vorgaben:</translation>
    </message>
    <message>
        <source>Pedal held down plays, released pauses (the play / pause keys)</source>
        <translation>Pedal gedrückt spielt ab, losgelassen pausiert (die Tasten für Abspielen / Pause)</translation>
    </message>
    <message>
        <source>For a pedal used like a dictation machine&apos;s</source>
        <translation>Für ein Pedal wie an einem Diktiergerät</translation>
    </message>
    <message>
        <source>Kept in {file_path} (copy it to another computer for the same keys).</source>
        <translation>Gespeichert in {file_path} (auf einen anderen Computer kopieren für dieselben Tasten).</translation>
    </message>
    <message>
        <source>Press the new key…</source>
        <translation>Drücken Sie die neue Taste…</translation>
    </message>
    <message>
        <source> (taken from “{label}”)</source>
        <translation> (von „{label}“ übernommen)</translation>
    </message>
    <message>
        <source>{key_text} now does “{label}”{moved}.</source>
        <translation>{key_text} löst jetzt „{label}“ aus{moved}.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Recheck: tenderness {number}</source>
        <extracomment>the English name (also the key-map file&apos;s comment); ``title`` is the name in the user&apos;s language keep firing while the key is held (seeking, stepping); toggles must not filled into the label&apos;s {number} the recheck actions&apos; label, with the tenderness each records</extracomment>
        <translation>Nachtest: Druckschmerz {number}</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Abspielen / Pause</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Back 5 s</source>
        <translation>5 s zurück</translation>
    </message>
    <message>
        <source>Forward 5 s</source>
        <translation>5 s vor</translation>
    </message>
    <message>
        <source>Back 10 s</source>
        <translation>10 s zurück</translation>
    </message>
    <message>
        <source>Forward 10 s</source>
        <translation>10 s vor</translation>
    </message>
    <message>
        <source>Previous position</source>
        <translation>Vorige Position</translation>
    </message>
    <message>
        <source>Next position</source>
        <translation>Nächste Position</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>Vorige Lektion</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>Nächste Lektion</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>Lauter</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>Leiser</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Focus mode: only the video</source>
        <translation>Fokusmodus: nur das Video</translation>
    </message>
    <message>
        <source>Leave full screen or focus mode / cancel autoplay</source>
        <translation>Vollbild oder Fokusmodus verlassen / automatisches Weiterspielen abbrechen</translation>
    </message>
    <message>
        <source>Keyboard to the next panel</source>
        <translation>Tastatur zum nächsten Bereich</translation>
    </message>
    <message>
        <source>Keyboard to the previous panel</source>
        <translation>Tastatur zum vorigen Bereich</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <source>Normal speed (1×)</source>
        <translation>Normales Tempo (1×)</translation>
    </message>
    <message>
        <source>Loop: set start (A)</source>
        <translation>Schleife: Anfang setzen (A)</translation>
    </message>
    <message>
        <source>Loop: set end (B)</source>
        <translation>Schleife: Ende setzen (B)</translation>
    </message>
    <message>
        <source>Loop: clear</source>
        <translation>Schleife: aufheben</translation>
    </message>
    <message>
        <source>Loop this position</source>
        <translation>Diese Position wiederholen</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Voriges Einzelbild</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nächstes Einzelbild</translation>
    </message>
    <message>
        <source>Mirror left ↔ right</source>
        <translation>Links ↔ rechts spiegeln</translation>
    </message>
    <message>
        <source>Capture frame (file and clipboard)</source>
        <translation>Standbild aufnehmen (Datei und Zwischenablage)</translation>
    </message>
    <message>
        <source>Subtitles on / off</source>
        <translation>Untertitel ein / aus</translation>
    </message>
    <message>
        <source>Subtitles bigger</source>
        <translation>Untertitel größer</translation>
    </message>
    <message>
        <source>Subtitles smaller</source>
        <translation>Untertitel kleiner</translation>
    </message>
    <message>
        <source>Mark watched / unwatched</source>
        <translation>Als gesehen / nicht gesehen markieren</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Continue where I stopped</source>
        <translation>Dort weitermachen, wo ich aufgehört habe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Import a course…</source>
        <translation>Kurs importieren…</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Search everything…</source>
        <translation>Alles durchsuchen…</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Mark position start</source>
        <translation>Anfang der Position markieren</translation>
    </message>
    <message>
        <source>Mark position end…</source>
        <translation>Ende der Position markieren…</translation>
    </message>
    <message>
        <source>Index this lesson (keyboard)</source>
        <translation>Diese Lektion indexieren (Tastatur)</translation>
    </message>
    <message>
        <source>New note at this time</source>
        <translation>Neue Notiz zu dieser Zeit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Insert the current time in the note</source>
        <translation>Aktuelle Zeit in die Notiz einfügen</translation>
    </message>
    <message>
        <source>Start the hold for this position</source>
        <translation>Haltephase für diese Position starten</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Pause / resume the hold</source>
        <translation>Haltephase pausieren / fortsetzen</translation>
    </message>
    <message>
        <source>Hold +10 s</source>
        <translation>Halten +10 s</translation>
    </message>
    <message>
        <source>Hold −10 s</source>
        <translation>Halten −10 s</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Voriger Schritt</translation>
    </message>
    <message>
        <source>Other side</source>
        <translation>Andere Seite</translation>
    </message>
    <message>
        <source>Stop the hold</source>
        <translation>Haltephase beenden</translation>
    </message>
    <message>
        <source>Reminder done / record the tenderness</source>
        <translation>Erinnerung erledigt / Druckschmerz eintragen</translation>
    </message>
    <message>
        <source>Table mode (full screen, readable from the table)</source>
        <translation>Liegenmodus (Vollbild, von der Liege aus lesbar)</translation>
    </message>
    <message>
        <source>Lock touch and mouse (table mode)</source>
        <translation>Touch und Maus sperren (Liegenmodus)</translation>
    </message>
    <message>
        <source>Treatment plans…</source>
        <translation>Behandlungspläne…</translation>
    </message>
    <message>
        <source>Practice log…</source>
        <translation>Übungsprotokoll…</translation>
    </message>
    <message>
        <source>Start / pause the hold</source>
        <translation>Haltephase starten / pausieren</translation>
    </message>
    <message>
        <source>Lock touch and mouse</source>
        <translation>Touch und Maus sperren</translation>
    </message>
    <message>
        <source>Leave table mode</source>
        <translation>Liegenmodus verlassen</translation>
    </message>
    <message>
        <source>3-key foot pedal</source>
        <translation>Fußpedal mit 3 Tasten</translation>
    </message>
    <message>
        <source>Left pedal F7: previous position (in table mode: previous step); middle F8: play / pause (start / pause the hold); right F9: next position (next step). Set the pedal to send F7, F8 and F9, or give each pedal&apos;s key with “Add key”.</source>
        <translation>Linkes Pedal F7: vorige Position (im Liegenmodus: voriger Schritt); mittleres F8: Abspielen / Pause (Haltephase starten / pausieren); rechtes F9: nächste Position (nächster Schritt). Stellen Sie das Pedal auf F7, F8 und F9 ein oder geben Sie die Taste jedes Pedals mit „Taste hinzufügen“ an.</translation>
    </message>
    <message>
        <source>Presenter clicker</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>PgUp / PgDn: previous / next position (step); B or “.” (blank screen): play / pause (start / pause the hold); F5 (start show): table mode; Esc: leave.</source>
        <translation>Bild↑ / Bild↓: vorige / nächste Position (Schritt); B oder „.“ (Bildschirm schwarz): Abspielen / Pause (Haltephase starten / pausieren); F5 (Präsentation starten): Liegenmodus; Esc: verlassen.</translation>
    </message>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>smrtplayer cannot start</source>
        <translation>smrtplayer kann nicht starten</translation>
    </message>
    <message>
        <source>Something went wrong ({error}). {advice}</source>
        <translation>Etwas ist schiefgegangen ({error}). {advice}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Both sides</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>optional: adductors, AC3, piriformis…</source>
        <translation>z. B. Adduktoren, AC3, piriformis…</translation>
    </message>
    <message>
        <source> s per pass</source>
        <translation> s pro Durchgang</translation>
    </message>
    <message>
        <source> s (0: none)</source>
        <translation> s (0: keiner)</translation>
    </message>
    <message>
        <source>Drink 10–20 oz of water · Client moves · …</source>
        <translation>Wasser trinken · Klient bewegt sich · …</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Adds the step to the end of the plan</source>
        <translation>Fügt den Schritt am Ende des Plans hinzu</translation>
    </message>
    <message>
        <source>Closes without adding a step</source>
        <translation>Schließt, ohne einen Schritt hinzuzufügen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>From a preset</source>
        <translation>Aus einer Vorgabe</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>Move-along cue every</source>
        <translation>Weiterrücken-Signal alle</translation>
    </message>
    <message>
        <source>Text or cue</source>
        <translation>Text oder Hinweis</translation>
    </message>
    <message>
        <source>A hold, a roll, a rest on a tender spot, passes, a rest, a reminder or a recheck</source>
        <translation>Eine Haltephase, Rollen, Ruhe auf einer druckschmerzhaften Stelle, Durchgänge, eine Ruhephase, eine Erinnerung oder ein Nachtest</translation>
    </message>
    <message>
        <source>How the step is shown in the plan and in table mode</source>
        <translation>Wie der Schritt im Plan und im Liegenmodus erscheint</translation>
    </message>
    <message>
        <source>Fills in the time from a preset</source>
        <translation>Übernimmt die Zeit aus einer Vorgabe</translation>
    </message>
    <message>
        <source>The client&apos;s side the step treats</source>
        <translation>Die Seite des Klienten, die der Schritt behandelt</translation>
    </message>
    <message>
        <source>How long the step lasts</source>
        <translation>Wie lange der Schritt dauert</translation>
    </message>
    <message>
        <source>How many passes (Active Release)</source>
        <translation>Wie viele Durchgänge (Active Release)</translation>
    </message>
    <message>
        <source>The time each pass takes</source>
        <translation>Der Takt: die Zeit je Durchgang</translation>
    </message>
    <message>
        <source>A soft cue to move along the structure, every so many seconds</source>
        <translation>Ein leises Signal, alle so viele Sekunden an der Struktur weiterzugehen</translation>
    </message>
    <message>
        <source> Did you mean “{name}”?</source>
        <translation> Meinten Sie „{name}“?</translation>
    </message>
    <message>
        <source>“{name}” is not a structure I know.</source>
        <translation>„{name}“ ist keine bekannte Struktur.</translation>
    </message>
    <message>
        <source>This step</source>
        <translation>Dieser Schritt</translation>
    </message>
</context>
<context>
    <name>StepKind</name>
    <message>
        <source>Hold</source>
        <extracomment>More steps than any treatment has; a file with thousands is refused rather than half-run. Step kinds as they are named in JSON, templates and the database. Kinds worked on a side of the body (a &quot;both sides&quot; step runs once per side). Kinds that wait for the user (a key, a tenderness figure) instead of counting down.</extracomment>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Rest on a tender spot</source>
        <translation>Auf Druckpunkt verweilen</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Ruhe</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Recheck</source>
        <translation>Nachtest</translation>
    </message>
</context>
<context>
    <name>StudyChart</name>
    <message>
        <source>Study time per day</source>
        <extracomment>below this many pixels per day the day numbers are left out (they would all be elided to &quot;…&quot;); the period is in the heading above the chart</extracomment>
        <translation>Lernzeit pro Tag</translation>
    </message>
    <message>
        <source>No study time yet</source>
        <translation>Noch keine Lernzeit</translation>
    </message>
    <message numerus="yes">
        <source>No study time in the last %n day(s)</source>
        <translation>
            <numerusform>Keine Lernzeit am letzten Tag</numerusform>
            <numerusform>Keine Lernzeit in den letzten %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>{total} min over the last {days} days, on {studied} of them; most on {day}: {most} min</source>
        <translation>{total} min in den letzten {days} Tagen, an {studied} davon; am meisten am {day}: {most} min</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Sync: off</source>
        <translation>Abgleich: aus</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird abgeglichen…</translation>
    </message>
    <message>
        <source>Sync: failed (see the tooltip)</source>
        <translation>Abgleich: fehlgeschlagen (siehe Kurzinfo)</translation>
    </message>
    <message>
        <source>Sync: not yet</source>
        <translation>Abgleich: noch nicht</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>Abgeglichen {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n other device(s)</source>
        <translation>
            <numerusform>%n anderes Gerät</numerusform>
            <numerusform>%n andere Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} wartend</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) kept</source>
        <translation>
            <numerusform>%n Konflikt aufbewahrt</numerusform>
            <numerusform>%n Konflikte aufbewahrt</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a folder that Syncthing (or another synced folder, or a USB stick) carries.</source>
        <translation>Wählen Sie einen Ordner, den Syncthing (oder ein anderer synchronisierter Ordner oder ein USB-Stick) überträgt.</translation>
    </message>
    <message>
        <source>Sync folder: {folder}</source>
        <translation>Abgleichsordner: {folder}</translation>
    </message>
    <message>
        <source>Last round: {sent} sent, {received} received.</source>
        <translation>Letzter Durchlauf: {sent} gesendet, {received} empfangen.</translation>
    </message>
    <message>
        <source>Devices seen: {devices}</source>
        <translation>Bekannte Geräte: {devices}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Notes edited on two computers at once are kept twice: the newer edit, and the other as a copy beside it.</source>
        <translation>Notizen, die auf zwei Computern gleichzeitig bearbeitet wurden, bleiben doppelt erhalten: die neuere Fassung und die andere als Kopie daneben.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Exchanges changes with your other computers now</source>
        <translation>Startet jetzt den Abgleich mit Ihren anderen Computern</translation>
    </message>
    <message>
        <source>Sync folder…</source>
        <translation>Abgleichsordner…</translation>
    </message>
    <message>
        <source>The shared folder your computers sync through</source>
        <translation>Der gemeinsame Ordner für den Abgleich Ihrer Computer</translation>
    </message>
    <message>
        <source>Sessions too</source>
        <translation>Auch Sitzungen</translation>
    </message>
    <message>
        <source>Also send your sessions with clients (client data) to your other computers.</source>
        <translation>Auch Ihre Sitzungen mit Klienten (Klientendaten) an Ihre anderen Computer senden.</translation>
    </message>
    <message>
        <source>Choose the folder your sync engine carries</source>
        <translation>Den Ordner wählen, den Ihr Abgleichsprogramm überträgt</translation>
    </message>
</context>
<context>
    <name>TableModeWindow</name>
    <message>
        <source>CLIENT&apos;S LEFT</source>
        <translation>KLIENT LINKS</translation>
    </message>
    <message>
        <source>CLIENT&apos;S RIGHT</source>
        <translation>KLIENT RECHTS</translation>
    </message>
    <message>
        <source>BOTH SIDES</source>
        <translation>BEIDE SEITEN</translation>
    </message>
    <message>
        <source>start/pause</source>
        <translation>Start/Pause</translation>
    </message>
    <message>
        <source>next</source>
        <translation>weiter</translation>
    </message>
    <message>
        <source>back</source>
        <translation>zurück</translation>
    </message>
    <message>
        <source>other side</source>
        <translation>andere Seite</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>sperren</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>verlassen</translation>
    </message>
    <message>
        <source>Table mode — smrtplayer</source>
        <extracomment>the id of the window action a key (in Qt&apos;s portable text) triggers, or None the window to give the keyboard back to when this one closes</extracomment>
        <translation>Liegenmodus – smrtplayer</translation>
    </message>
    <message>
        <source>The demonstration plays here when a step starts</source>
        <translation>Die Vorführung läuft hier, sobald ein Schritt beginnt</translation>
    </message>
    <message>
        <source>Sequence complete</source>
        <extracomment>the tenderness a recheck will record on Space (moved with ↑/↓)</extracomment>
        <translation>Ablauf abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>{message}

{keys_for}  skip this step     {keys_for2}  hold without the video     {keys_for3}  stop</source>
        <translation>{message}

{keys_for}  Schritt überspringen     {keys_for2}  ohne Video halten     {keys_for3}  beenden</translation>
    </message>
    <message>
        <source>PASS {current} / {count}</source>
        <translation>DURCHGANG {current} / {count}</translation>
    </message>
    <message>
        <source>No hold running</source>
        <translation>Keine Haltephase aktiv</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>RUHE</translation>
    </message>
    <message>
        <source>LOCKED — touch and mouse ignored · {keys_for} unlocks</source>
        <translation>GESPERRT – Touch und Maus werden ignoriert · {keys_for} entsperrt</translation>
    </message>
    <message>
        <source>LESSON MISSING</source>
        <translation>LEKTION FEHLT</translation>
    </message>
    <message>
        <source>REMINDER — SPACE WHEN DONE</source>
        <translation>ERINNERUNG – LEERTASTE, WENN ERLEDIGT</translation>
    </message>
    <message>
        <source>RECHECK — TENDERNESS 0–10: A DIGIT, OR ↑ ↓ THEN SPACE</source>
        <translation>NACHTEST – DRUCKSCHMERZ 0–10: EINE ZIFFER ODER ↑ ↓, DANN LEERTASTE</translation>
    </message>
    <message>
        <source> — {keys} TO RUN IT AGAIN</source>
        <translation> – {keys} FÜR EINEN NEUEN DURCHLAUF</translation>
    </message>
    <message>
        <source>READY — {keys} TO START</source>
        <translation>BEREIT – {keys} ZUM STARTEN</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>PAUSED — {keys} TO GO ON</source>
        <translation>PAUSIERT – {keys} ZUM FORTSETZEN</translation>
    </message>
    <message>
        <source>DONE — {keys} NEXT</source>
        <translation>FERTIG – {keys} WEITER</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>FERTIG</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>HALTEN</translation>
    </message>
    <message>
        <source>STEP {number} / {count}</source>
        <translation>SCHRITT {number} / {count}</translation>
    </message>
    <message>
        <source>ROUND {number} / {count}</source>
        <translation>RUNDE {number} / {count}</translation>
    </message>
    <message>
        <source>Next: continue the lesson, other side ({side_keys}) or next position ({next_keys})</source>
        <translation>Als Nächstes: Lektion fortsetzen, andere Seite ({side_keys}) oder nächste Position ({next_keys})</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Letzter Schritt</translation>
    </message>
    <message>
        <source>Next: rest {seconds} s</source>
        <translation>Als Nächstes: Ruhe {seconds} s</translation>
    </message>
    <message>
        <source>Next: {kind}: {title}</source>
        <translation>Als Nächstes: {kind}: {title}</translation>
    </message>
    <message>
        <source>Next: {what}  ·  {side}  ·  {seconds} s</source>
        <translation>Als Nächstes: {what}  ·  {side}  ·  {seconds} s</translation>
    </message>
</context>
<context>
    <name>TendernessDialog</name>
    <message>
        <source>Tenderness</source>
        <translation>Druckschmerz</translation>
    </message>
    <message>
        <source>Before (0–10)</source>
        <translation>Vorher (0–10)</translation>
    </message>
    <message>
        <source>After (0–10)</source>
        <translation>Nachher (0–10)</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Volume</source>
        <extracomment>each action&apos;s Phosphor icon, and a caption drawn inside it (the seconds of a skip) the row, in groups that wrap as a whole onto a second line when the window is narrow what the &quot;⋯&quot; menu holds: the secondary actions</extracomment>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>More: lessons, watched, keys</source>
        <translation>Mehr: Lektionen, gesehen, Tasten</translation>
    </message>
    <message>
        <source>Repeat until cleared</source>
        <translation>Wiederholen, bis aufgehoben</translation>
    </message>
    <message numerus="yes">
        <source>Play %n times</source>
        <translation>
            <numerusform>%n-mal abspielen</numerusform>
            <numerusform>%n-mal abspielen</numerusform>
        </translation>
    </message>
    <message>
        <source>No pause between passes</source>
        <translation>Keine Pause zwischen den Durchgängen</translation>
    </message>
    <message>
        <source>Pause {seconds} s between</source>
        <translation>{seconds} s Pause dazwischen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>This lesson has no subtitles</source>
        <translation>Diese Lektion hat keine Untertitel</translation>
    </message>
    <message>
        <source>Loop: start ({a}), end ({b}), this position, clear, how many times</source>
        <translation>Schleife: Anfang ({a}), Ende ({b}), diese Position, löschen, wie oft</translation>
    </message>
    <message>
        <source>Playback speed ({slower} slower, {faster} faster; {pitch})</source>
        <translation>Wiedergabetempo ({slower} langsamer, {faster} schneller; {pitch})</translation>
    </message>
    <message>
        <source>Volume {percent}</source>
        <translation>Lautstärke {percent}</translation>
    </message>
    <message>
        <source>natural pitch kept</source>
        <translation>natürliche Tonhöhe bleibt</translation>
    </message>
    <message>
        <source>pitch changes with speed</source>
        <translation>Tonhöhe ändert sich mit dem Tempo</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Checking “{title}”</source>
        <translation>„{title}“ wird geprüft</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <source>Video</source>
        <extracomment>on-screen feedback for a key: shown this long, the last FADE_MS of it fading out a frame this far before a jump&apos;s target was decoded before the jump: it does not replace the still how long a still waits for its frame (a seek can be dropped while paused) a path the message names, on one line, elided in the middle (the whole in its tooltip) a click on the picture (the window toggles play/pause) a frame was painted after the view was empty (start-up, after ``clear``)</extracomment>
        <translation>Video</translation>
    </message>
    <message>
        <source>Try again</source>
        <extracomment>a jump&apos;s still is shown until a frame at or after this time arrives (None: no still) the still is the picture kept at the last close (``show_start_picture``) where each badge was last drawn (&quot;mirrored&quot;, &quot;rate&quot;, &quot;loop&quot;, &quot;hold&quot;, &quot;notice&quot;) distinct frames painted (a frame repainted for an overlay counts once) start time of the frame painted last (-1 when unknown)</extracomment>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Check files…</source>
        <translation>Dateien prüfen…</translation>
    </message>
    <message>
        <source>Find the course folder…</source>
        <translation>Kursordner suchen…</translation>
    </message>
    <message>
        <source>Skip to next lesson</source>
        <translation>Zur nächsten Lektion springen</translation>
    </message>
    <message>
        <source>Play now</source>
        <translation>Jetzt abspielen</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
</context>
<context>
    <name>WhatsHerePanel</name>
    <message>
        <source>no key</source>
        <translation>keine Taste</translation>
    </message>
    <message>
        <source>What&apos;s here</source>
        <translation>Was es hier gibt</translation>
    </message>
    <message>
        <source>Close (Help → What&apos;s here shows it again)</source>
        <translation>Schließen (Hilfe → Was es hier gibt zeigt es wieder)</translation>
    </message>
    <message>
        <source>Close what&apos;s here</source>
        <translation>„Was es hier gibt“ schließen</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>Hides this; Help shows it again</source>
        <translation>Blendet dies aus; die Hilfe zeigt es wieder</translation>
    </message>
    <message>
        <source>• Body index (right): every position of your courses by body region. Click a region or type a muscle; a double-click plays it.</source>
        <translation>• Körperindex (rechts): jede Position Ihrer Kurse nach Körperregion. Klicken Sie auf eine Region oder tippen Sie einen Muskel; ein Doppelklick spielt sie ab.</translation>
    </message>
    <message>
        <source>• Hold timer: press %1 on a position to time its hold; a tone says when it is done.</source>
        <translation>• Halte-Timer: Drücken Sie %1 bei einer Position, um ihre Haltezeit zu messen; ein Ton sagt, wann sie um ist.</translation>
    </message>
    <message>
        <source>• Notes: %1 writes a note pinned to this moment of the lesson.</source>
        <translation>• Notizen: %1 schreibt eine Notiz, geheftet an diesen Moment der Lektion.</translation>
    </message>
    <message>
        <source>• Table mode: %1 shows the countdown full screen, readable from the treatment table.</source>
        <translation>• Liegenmodus: %1 zeigt den Countdown bildschirmfüllend, lesbar von der Behandlungsliege aus.</translation>
    </message>
    <message>
        <source>Every key: press %1.</source>
        <translation>Alle Tasten: %1 drücken.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Lessons, library and home</source>
        <extracomment>The hold badge&apos;s colours: running, the last seconds, done (counting overtime), paused. How often the window looks for courses changed by another process (one small query). look for moved or unplugged course folders every this many library checks (10 s)</extracomment>
        <translation>Lektionen, Bibliothek und Start</translation>
    </message>
    <message>
        <source>The open course&apos;s lessons, every course, and where you stopped; F6 moves on to the video</source>
        <translation>Die Lektionen des offenen Kurses, alle Kurse und wo Sie aufgehört haben; F6 geht weiter zum Video</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Body index</source>
        <translation>Körperindex</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Hold timer</source>
        <translation>Halte-Timer</translation>
    </message>
    <message>
        <source>Holds, their length and cues; treatment plans and table mode</source>
        <translation>Haltephasen, ihre Dauer und Signale; Behandlungspläne und Liegenmodus</translation>
    </message>
    <message>
        <source>Index this lesson</source>
        <translation>Diese Lektion indexieren</translation>
    </message>
    <message>
        <source>Backups and moving data…</source>
        <translation>Sicherungen und Datenumzug…</translation>
    </message>
    <message>
        <source>&amp;Index</source>
        <translation>&amp;Index</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>&amp;Holds</source>
        <translation>Hal&amp;ten</translation>
    </message>
    <message>
        <source>What&apos;s here</source>
        <translation>Was es hier gibt</translation>
    </message>
    <message>
        <source> · CLIENT&apos;S LEFT</source>
        <translation> · KLIENT LINKS</translation>
    </message>
    <message>
        <source> · CLIENT&apos;S RIGHT</source>
        <translation> · KLIENT RECHTS</translation>
    </message>
    <message>
        <source>HOLD {time} paused</source>
        <translation>HALTEN {time} pausiert</translation>
    </message>
    <message>
        <source>DONE {time}</source>
        <translation>FERTIG {time}</translation>
    </message>
    <message>
        <source>HOLD {time}</source>
        <translation>HALTEN {time}</translation>
    </message>
    <message>
        <source>The daily backup failed: {error}</source>
        <translation>Die tägliche Sicherung ist fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>_Canvas</name>
    <message>
        <source>Body map: front and back figures</source>
        <extracomment>Regions drawn on both figures whose button sits on the back figure (where they are mostly worked). the count badges carry their own background: white on it reads at 7.6:1 in either theme (letter, word, x, y) of each side label, in SVG units; the canvas draws them at a readable size the device pixel ratio the masks were rendered at</extracomment>
        <translation>Körperkarte: Figuren von vorne und hinten</translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n position(s)</source>
        <extracomment>region id -&gt; positions per client&apos;s side (&apos;L&apos;, &apos;R&apos;, &apos;both&apos;); empty: the counts only</extracomment>
        <translation>
            <numerusform>{name}, %n Position</numerusform>
            <numerusform>{name}, %n Positionen</numerusform>
        </translation>
    </message>
    <message>
        <source>On the {join} figure. Press Space to list.</source>
        <translation>Auf der Figur {join}. Leertaste zeigt die Liste.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
</context>
</TS>
