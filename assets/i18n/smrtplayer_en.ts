<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupDialog</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) with progress</source>
        <translation>
            <numerusform>%n lesson with progress</numerusform>
            <numerusform>%n lessons with progress</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) you marked</source>
        <translation>
            <numerusform>%n position you marked</numerusform>
            <numerusform>%n positions you marked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practice entry(s)</source>
        <translation>
            <numerusform>%n practice entry</numerusform>
            <numerusform>%n practice entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n course</numerusform>
            <numerusform>%n courses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported to {path} (%n note(s) and the rest of your data).</source>
        <translation>
            <numerusform>Exported to {path} (%n note and the rest of your data).</numerusform>
            <numerusform>Exported to {path} (%n notes and the rest of your data).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodyMap</name>
    <message numerus="yes">
        <source>{name}, %n position(s)</source>
        <translation>
            <numerusform>{name}, %n position</numerusform>
            <numerusform>{name}, %n positions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountdownView</name>
    <message numerus="yes">
        <source>%n s, not started</source>
        <translation>
            <numerusform>%n s, not started</numerusform>
            <numerusform>%n s, not started</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>%n s left</numerusform>
            <numerusform>%n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s over</source>
        <translation>
            <numerusform>%n s over</numerusform>
            <numerusform>%n s over</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lesson</numerusform>
            <numerusform>%n lessons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message numerus="yes">
        <source>%n day(s) in a row</source>
        <translation>
            <numerusform>%n day in a row</numerusform>
            <numerusform>%n days in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{watched} of %n lesson(s) · {left} left</source>
        <translation>
            <numerusform>{watched} of %n lesson · {left} left</numerusform>
            <numerusform>{watched} of %n lessons · {left} left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s)</source>
        <translation>
            <numerusform>%n hold</numerusform>
            <numerusform>%n holds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndexOverview</name>
    <message numerus="yes">
        <source>{name}: %n position(s)</source>
        <translation>
            <numerusform>{name}: %n position</numerusform>
            <numerusform>{name}: %n positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) in your courses. Choose a region, or search above.</source>
        <translation>
            <numerusform>%n position in your courses. Choose a region, or search above.</numerusform>
            <numerusform>%n positions in your courses. Choose a region, or search above.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndexPanel</name>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n position</numerusform>
            <numerusform>%n positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n position(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n position to {path}.</numerusform>
            <numerusform>Exported %n positions to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message numerus="yes">
        <source>{good} of %n file(s) are intact.</source>
        <translation>
            <numerusform>{good} of %n files are intact.</numerusform>
            <numerusform>{good} of %n files are intact.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported “{title}”: %n lesson(s).</source>
        <translation>
            <numerusform>Imported “{title}”: %n lesson.</numerusform>
            <numerusform>Imported “{title}”: %n lessons.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n lesson(s) in {path}.</source>
        <translation>
            <numerusform>Found %n lesson in {path}.</numerusform>
            <numerusform>Found %n lessons in {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lesson</numerusform>
            <numerusform>%n lessons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found: %n lesson(s) relinked in {folder}</source>
        <translation>
            <numerusform>Found: %n lesson relinked in {folder}</numerusform>
            <numerusform>Found: %n lessons relinked in {folder}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message numerus="yes">
        <source>; %n step(s) without a playable lesson</source>
        <translation>
            <numerusform>; %n step without a playable lesson</numerusform>
            <numerusform>; %n steps without a playable lesson</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanWording</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n timed holds and rests)</source>
        <translation>
            <numerusform> (%n timed hold or rest)</numerusform>
            <numerusform> (%n timed holds and rests)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticeLogView</name>
    <message numerus="yes">
        <source>%n hold(s), {finished} held to the end</source>
        <translation>
            <numerusform>%n hold, {finished} held to the end</numerusform>
            <numerusform>%n holds, {finished} held to the end</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s) written to {path}</source>
        <translation>
            <numerusform>%n hold written to {path}</numerusform>
            <numerusform>%n holds written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudyChart</name>
    <message numerus="yes">
        <source>No study time in the last %n day(s)</source>
        <translation>
            <numerusform>No study time in the last day</numerusform>
            <numerusform>No study time in the last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <source>%n other device(s)</source>
        <translation>
            <numerusform>%n other device</numerusform>
            <numerusform>%n other devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) kept</source>
        <translation>
            <numerusform>%n conflict kept</numerusform>
            <numerusform>%n conflicts kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message numerus="yes">
        <source>Play %n times</source>
        <translation>
            <numerusform>Play %n time</numerusform>
            <numerusform>Play %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Canvas</name>
    <message numerus="yes">
        <source>{name}, %n position(s)</source>
        <extracomment>region id -&gt; positions per client&apos;s side (&apos;L&apos;, &apos;R&apos;, &apos;both&apos;); empty: the counts only</extracomment>
        <translation>
            <numerusform>{name}, %n position</numerusform>
            <numerusform>{name}, %n positions</numerusform>
        </translation>
    </message>
</context>
</TS>
